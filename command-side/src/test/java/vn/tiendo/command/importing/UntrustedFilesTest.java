package vn.tiendo.command.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.tiendo.events.common.MeasureKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.assertj.core.api.Assertions;

/** Uploaded plan tables are untrusted input: sizes, control characters, pathological text and look-alike names. */
class UntrustedFilesTest {

    private static final List<String> HEADER = List.of("STT", "Nội dung", "Chủ trì", "Thời gian hoàn thành");
    private static final List<String> TASK = List.of("1", "Xây dựng kế hoạch triển khai phong trào “Bình dân học vụ số”",
            "Sở Khoa học và Công nghệ", "Thường xuyên");

    @Test
    void readingStopsOnceAFileHasMoreRowsThanCanBeImported() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.addAll(Collections.nCopies(ImportService.MAX_ROWS + 60, TASK));
        assertThatThrownBy(() -> SheetReader.read("nhiem-vu.xlsx", Spreadsheets.xlsx(rows)))
                .isInstanceOf(ImportRejected.class)
                .satisfies(e -> assertThat(((ImportRejected) e).problems().get(0).message()).contains("more than " + ImportService.MAX_ROWS + " rows"));
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        Collections.nCopies(ImportService.MAX_ROWS + 60, String.join(",", TASK)).forEach(r -> csv.append(r).append('\n'));
        assertThatThrownBy(() -> SheetReader.read("nhiem-vu.csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportRejected.class);
    }

    @Test
    void overlongCellsAndControlCharactersAreNamedByRowAndColumn() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(List.of("1", "Nội dung ".repeat(300), "Sở Khoa học và Công nghệ", "Thường xuyên"));
        ImportRejected refused = (ImportRejected) Assertions.catchThrowable(
                () -> SheetReader.read("nhiem-vu.xlsx", Spreadsheets.xlsx(rows)));
        assertThat(refused).isNotNull();
        // the helper writes a title row, a blank row, then the header at row 3: the data row is 4
        assertThat(refused.problems()).extracting(p -> p.row() + ":" + p.column()).containsExactly("4:B");
        // XML cannot carry control characters, a CSV file can
        String csv = String.join(",", HEADER) + "\n1,Báo cáo\u0007,Sở Khoa học và Công nghệ,Thường xuyên\n";
        ImportRejected control = (ImportRejected) Assertions.catchThrowable(
                () -> SheetReader.read("nhiem-vu.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(control).isNotNull();
        assertThat(control.problems()).extracting(p -> p.row() + ":" + p.column()).containsExactly("2:B");
        assertThat(control.problems().get(0).message()).contains("U+0007");
    }

    @Test
    void namesMatchWhateverSpacesTheyWereTypedWith() {
        assertThat(Names.normalize("Sở\u00A0Nội\u200B vụ\u202F")).isEqualTo(Names.normalize("Sở Nội vụ"));
        AgencyDirectory agencies = AgencyDirectory.fromCatalog(new ObjectMapper());
        assertThat(agencies.resolve("Sở\u00A0Khoa học \u200Bvà Công nghệ")).isEqualTo(agencies.resolve("Sở Khoa học và Công nghệ")).isPresent();
    }

    @Test
    void aLongerNameIsNotTakenForTheRegisteredNameItBeginsWith() {
        AgencyDirectory agencies = AgencyDirectory.fromCatalog(new ObjectMapper());
        assertThat(agencies.resolve("Sở Nội vụ")).isPresent();
        assertThat(agencies.resolve("Sở Nội vụ tỉnh Bắc Giang")).isEmpty();
        assertThat(agencies.unknown("Sở Nội vụ tỉnh Bắc Giang")).contains("another province").contains(agencies.resolve("Sở Nội vụ").get());
        // a name that merely says more is taken, with a flag the importer shows
        assertThat(agencies.resolve("Sở Nội vụ và các đơn vị liên quan")).isEqualTo(agencies.resolve("Sở Nội vụ"));
        assertThat(agencies.ambiguity("Sở Nội vụ và các đơn vị liên quan")).isPresent();
        assertThat(agencies.ambiguity("Sở Nội vụ")).isEmpty();
        // a remark after the name still names the agency
        assertThat(agencies.resolve("Sở Tài chính (chủ trì)")).isEqualTo(agencies.resolve("Sở Tài chính")).isPresent();
        // nor does the name of this province after it
        assertThat(agencies.resolve("Báo và Đài PTTT Bắc Ninh")).isEqualTo(agencies.resolve("Báo và Đài PTTT")).isPresent();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void longDigitRunsAreParsedInOnePass() {
        String digits = "1".repeat(200_000);
        assertThat(IndicatorRows.kindOf("", List.of(digits + " x"))).isNotEqualTo(MeasureKind.RATIO);
        assertThat(TargetText.parse(digits + " x", MeasureKind.RATIO)).isEmpty();
    }
}
