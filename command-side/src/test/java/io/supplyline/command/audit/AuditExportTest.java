package io.supplyline.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells as a spreadsheet opens them: text stays text, quoting keeps the columns. */
class AuditExportTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasOpenAsText() {
        assertThat(AuditExport.csvField("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(AuditExport.csvField("+1-555")).isEqualTo("'+1-555");
        assertThat(AuditExport.csvField("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditExport.csvField("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(AuditExport.csvField("\tcmd")).isEqualTo("'\tcmd");
        assertThat(AuditExport.csvField("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void numbersAndPlainTextAreLeftAsTheyAre() {
        assertThat(AuditExport.csvField(-5L)).isEqualTo("-5");
        assertThat(AuditExport.csvField("operator")).isEqualTo("operator");
        assertThat(AuditExport.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.csvField(null)).isEmpty();
    }
}
