package vn.tiendo.query.report;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A TEXT value over Excel's 32,767 characters (recorded before text had limits) made the monthly report fail. */
class MonthlyReportCellTest {

    @Test
    void textLongerThanACellHoldsIsCutNotAFailure() throws Exception {
        String longText = "Báo cáo ".repeat(5000); // 40,000 characters
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet().createRow(0).createCell(0).setCellValue(MonthlyReport.fitting(longText));
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).hasSize(32_767).endsWith("…");
        }
        assertThat(MonthlyReport.fitting("Đạt")).isEqualTo("Đạt");
        assertThat(MonthlyReport.fitting(null)).isEmpty();
    }
}
