package vn.tiendo.command.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.tiendo.command.importing.AgencyDirectory;
import vn.tiendo.command.plan.RegisterPlan;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real plans' tables (catalog/*.json, extracted from the documents in shared/seeds) written out as the CSV files
 * an agency would upload, laid out like the plans' appendices. The demo data goes in through the importer with them.
 * Where the tables are silent or flawed, the choice is made here and said in README.md.
 */
public final class CatalogFiles {

    public static final String STRATEGY = "QD-1305-2025";
    public static final String DTI = "KH-SKHCN-DTI-2025";

    private final ObjectMapper json;

    public CatalogFiles(ObjectMapper json) {
        this.json = json;
    }

    public List<RegisterPlan> plans() {
        return List.of(
                new RegisterPlan(STRATEGY, "1305/QĐ-UBND", LocalDate.of(2025, 10, 29), "UBND tỉnh Bắc Ninh",
                        "Quyết định phê duyệt Chiến lược chuyển đổi số tỉnh Bắc Ninh giai đoạn 2025-2030",
                        LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31)),
                // The document circulates without its number and date ("Số: /KH-SKHCN"); both are kept as written.
                new RegisterPlan(DTI, "/KH-SKHCN", null, "Sở Khoa học và Công nghệ",
                        "Kế hoạch nâng cao chỉ số chuyển đổi số (DTI) tỉnh Bắc Ninh năm 2025 của Sở Khoa học và Công nghệ",
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
    }

    /** catalog/agencies.json as an agency list: Mã, Tên, Loại, Cơ quan cấp trên. */
    public byte[] agencies() {
        List<List<String>> rows = new ArrayList<>();
        AgencyDirectory.fromCatalog(json).agencies().forEach(a ->
                rows.add(Arrays.asList(a.id(), a.name(), a.kind().name(), a.parentId())));
        return csv(List.of("Mã", "Tên", "Loại", "Cơ quan cấp trên"), rows);
    }

    /**
     * Decision 1305, Appendix I, with its group headings: targets for end-2025 and end-2030. The 14 rows with one target do not say which
     * year; it goes under 2030, the strategy's end, so that nothing turns overdue on a guess.
     * DTI 2025, Appendix I: the 2024 baseline of Bắc Ninh, the 2025 target, the lead agency and Sở KH&CN's
     * division that follows it (as "Cơ quan theo dõi").
     */
    public byte[] indicators(String planId) {
        List<List<String>> rows = new ArrayList<>();
        if (STRATEGY.equals(planId)) {
            String group = null;
            for (JsonNode r : read("000_indicators.json")) {
                // as the appendix lays it out: a heading row per group ("A | Phát triển hạ tầng"), then rows numbered
                // 1 to 41 across the groups; the importer names each A.1, B.3… from its heading
                String code = r.get("code").asText();
                if (!r.get("group").asText().equals(group)) {
                    group = r.get("group").asText();
                    rows.add(Arrays.asList(code.substring(0, code.indexOf('.')), group, null, null, null, null));
                }
                JsonNode written = r.get("targets_as_written");
                String t2025 = written.size() == 2 ? written.get(0).asText() : null;
                String t2030 = written.get(written.size() - 1).asText();
                rows.add(Arrays.asList(code.substring(code.indexOf('.') + 1), r.get("name").asText(), text(r, "unit"), t2025, t2030, text(r, "agency")));
            }
            return csv(List.of("STT", "Chỉ tiêu cụ thể", "Đơn vị tính", "Mục tiêu 2025", "Mục tiêu 2030",
                    "Cơ quan theo dõi, đánh giá, kiểm tra, tổng hợp báo cáo"), rows);
        }
        for (JsonNode r : read("002_indicators.json")) {
            rows.add(Arrays.asList(r.get("code").asText(), r.get("name").asText(), null, text(r, "baseline_bac_ninh_2024"),
                    text(r, "target_2025"), text(r, "lead_agency"), text(r, "lead_division")));
        }
        return csv(List.of("Mã", "Chỉ tiêu", "Đơn vị tính", "Giá trị cơ sở", "Mục tiêu 2025", "Cơ quan chủ trì", "Cơ quan theo dõi"), rows);
    }

    /** Appendix II of each plan: STT, nội dung, chủ trì, phối hợp, thời gian hoàn thành, sản phẩm. */
    public byte[] tasks(String planId) {
        List<List<String>> rows = new ArrayList<>();
        if (STRATEGY.equals(planId)) {
            String group = null;
            List<String> numerals = List.of("I", "II", "III", "IV", "V");
            int groups = 0;
            for (JsonNode r : read("000_tasks.json")) {
                // the appendix's group headings: "I | NHÓM NHIỆM VỤ THƯỜNG XUYÊN (36 nhiệm vụ)", "II | …"
                if (!r.get("group").asText().equals(group)) {
                    group = r.get("group").asText();
                    rows.add(Arrays.asList(numerals.get(groups++), group, null, null, null, null));
                }
                rows.add(Arrays.asList(text(r, "stt"), r.get("name").asText(), text(r, "lead"), null, text(r, "deadline_text"), text(r, "product")));
            }
        } else {
            int n = 0;
            List<String> previous = null;
            String previousText = null;
            for (JsonNode r : read("002_tasks.json")) {
                String task = r.get("task").asText();
                String suffix = " (chỉ tiêu DTI " + r.get("indicator_code").asText() + ")";
                if (previous != null && text(r, "lead_unit") == null && text(r, "coordinating_units") == null
                        && text(r, "deadline_text") == null && text(r, "product") == null) {
                    // a task's text cut by the page break of the source document ("… trình cơ" / "quan có thẩm quyền …")
                    previousText = previousText + " " + task;
                    previous.set(1, previousText + suffix);
                    continue;
                }
                previousText = task;
                previous = Arrays.asList(String.valueOf(++n), task + suffix,
                        text(r, "lead_unit"), text(r, "coordinating_units"), text(r, "deadline_text"), text(r, "product"));
                rows.add(previous);
            }
        }
        return csv(List.of("STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Sản phẩm"), rows);
    }

    private static byte[] csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asText() : null;
    }

    private JsonNode read(String file) {
        try (InputStream in = CatalogFiles.class.getResourceAsStream("/catalog/" + file)) {
            return json.readTree(in).get("rows");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
