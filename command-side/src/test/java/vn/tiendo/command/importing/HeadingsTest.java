package vn.tiendo.command.importing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How deep a heading sits is read from how it is numbered, as a reader of the plan does. */
class HeadingsTest {

    @Test
    void aHeadingNumberedLikeAnOpenOneClosesItAndEverythingBelow() {
        Headings headings = new Headings();
        headings.enter("I", "NHÓM NHIỆM VỤ THƯỜNG XUYÊN (36 nhiệm vụ)");
        headings.enter("1.", "Chính quyền số");
        assertThat(headings.path()).containsExactly("I. NHÓM NHIỆM VỤ THƯỜNG XUYÊN (36 nhiệm vụ)", "1. Chính quyền số");
        headings.enter("2", "Kinh tế số");
        assertThat(headings.path()).containsExactly("I. NHÓM NHIỆM VỤ THƯỜNG XUYÊN (36 nhiệm vụ)", "2. Kinh tế số");
        headings.enter("II", "NHÓM NHIỆM VỤ GIAI ĐOẠN NĂM 2026-2030 (16 nhiệm vụ)");
        assertThat(headings.path()).containsExactly("II. NHÓM NHIỆM VỤ GIAI ĐOẠN NĂM 2026-2030 (16 nhiệm vụ)");
    }

    @Test
    void lettersStayLettersEvenWhereTheyCouldBeRomanNumerals() {
        Headings headings = new Headings();
        headings.enter("A", "Phát triển hạ tầng");
        headings.enter("B", "Phát triển nguồn lực");
        headings.enter("C", "Phát triển chuyển đổi số");
        assertThat(headings.path()).isEqualTo(List.of("C. Phát triển chuyển đổi số"));
        assertThat(headings.letter()).contains("C");
        headings.enter(null, "Đến năm 2030");
        assertThat(headings.path()).containsExactly("C. Phát triển chuyển đổi số", "Đến năm 2030");
        assertThat(headings.letter()).contains("C");
    }
}
