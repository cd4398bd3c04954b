package vn.tiendo.query.pages;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.indicator.IndicatorView;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicator page's forms: an officer reports a figure with its evidence (a document number, a file kept by its
 * SHA-256), a head approves a draft. Both go to the command side as the signed-in person, which decides; a refusal
 * comes back to the page naming the field in Vietnamese with the command side's reason.
 */
@Controller
public class ReportForms {

    /** Figures a form can take as one number; pass/fail, ratios, levels and text are reported through the API. */
    static final Set<MeasureKind> NUMBER_KINDS = Set.of(MeasureKind.PERCENT, MeasureKind.COUNT, MeasureKind.SCORE, MeasureKind.MONEY);
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("period", "Kỳ báo cáo"), Map.entry("value", "Giá trị"),
            Map.entry("note", "Ghi chú"), Map.entry("evidence", "Minh chứng"), Map.entry("expectedVersion", "Phiên bản"),
            Map.entry("reportId", "Báo cáo"), Map.entry("reason", "Lý do"), Map.entry("awardForm", "Hình thức khen thưởng"),
            Map.entry("decisionNumber", "Số quyết định"), Map.entry("decidedOn", "Ngày quyết định"), Map.entry("claimId", "Thành tích"),
            Map.entry("contradictedBy", "Bản ghi mâu thuẫn"), Map.entry("newValue", "Giá trị mới"), Map.entry("newTarget", "Mục tiêu mới"),
            Map.entry("decisionReference", "Văn bản quyết định"), Map.entry("toAgencyId", "Cơ quan nhận"),
            Map.entry("effectiveDate", "Ngày hiệu lực"), Map.entry("obligationId", "Chế độ báo cáo"), Map.entry("agencyId", "Cơ quan"));

    private final IndicatorQueries indicators;
    private final ScopePolicy scopePolicy;
    private final CommandClient commands;
    private final EvidenceFiles files;

    public ReportForms(IndicatorQueries indicators, ScopePolicy scopePolicy, CommandClient commands, EvidenceFiles files) {
        this.indicators = indicators;
        this.scopePolicy = scopePolicy;
        this.commands = commands;
        this.files = files;
    }

    @PostMapping("/app/indicators/{indicatorId}/reports")
    public String report(@PathVariable String indicatorId, @RequestParam String period, @RequestParam String value,
                         @RequestParam(required = false) String note, @RequestParam(required = false) String documentNumber,
                         @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        IndicatorView.Status indicator = visible(indicatorId);
        BigDecimal number = number(value);
        if (number == null) {
            flash.addFlashAttribute("error", FIELDS.get("value") + ": «" + value + "» không phải là số / is not a number");
            return back(indicator);
        }
        List<EvidenceRef> evidence = files.fromForm(documentNumber, file, PlatformUser.current().username());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period);
        body.put("value", Map.of("kind", indicator.measure().kind().name(), "value", number));
        body.put("note", note == null || note.isBlank() ? null : note);
        body.put("evidence", evidence);
        CommandClient.Answer answer = commands.post("/api/indicators/" + indicator.indicatorId() + "/reports", body);
        tell(flash, answer, "Đã gửi báo cáo kỳ " + period + " / Report for " + period + " sent");
        return back(indicator);
    }

    @PostMapping("/app/indicators/{indicatorId}/reports/{reportId}/approval")
    public String approve(@PathVariable String indicatorId, @PathVariable String reportId, @RequestParam long expectedVersion,
                          RedirectAttributes flash) {
        IndicatorView.Status indicator = visible(indicatorId);
        CommandClient.Answer answer = commands.post("/api/indicators/" + indicator.indicatorId() + "/reports/" + Pages.requireId(reportId) + "/approval",
                Map.of("expectedVersion", expectedVersion));
        tell(flash, answer, "Đã phê duyệt / Approved");
        return back(indicator);
    }

    /** A correction with its reason; of an approved report it becomes a proposal for the coordinating department. */
    @PostMapping("/app/indicators/{indicatorId}/reports/{reportId}/corrections")
    public String correct(@PathVariable String indicatorId, @PathVariable String reportId, @RequestParam String value,
                          @RequestParam String reason, RedirectAttributes flash) {
        IndicatorView.Status indicator = visible(indicatorId);
        BigDecimal number = number(value);
        if (number == null) {
            flash.addFlashAttribute("error", FIELDS.get("value") + ": «" + value + "» không phải là số / is not a number");
            return back(indicator);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newValue", Map.of("kind", indicator.measure().kind().name(), "value", number));
        body.put("reason", reason);
        CommandClient.Answer answer = commands.post("/api/indicators/" + indicator.indicatorId() + "/reports/" + Pages.requireId(reportId) + "/corrections", body);
        tell(flash, answer, answer.status() == 202
                ? "Đề nghị điều chỉnh đang chờ Sở KH&CN chấp nhận / The correction waits for the coordinating department"
                : "Đã điều chỉnh / Corrected");
        return back(indicator);
    }

    /** The coordinating department revises a target, by a decision and with a reason. */
    @PostMapping("/app/indicators/{indicatorId}/target-revisions")
    public String reviseTarget(@PathVariable String indicatorId, @RequestParam String period, @RequestParam String comparator,
                               @RequestParam String value, @RequestParam(required = false) String asWritten, @RequestParam String reason,
                               @RequestParam(required = false) String decisionReference, RedirectAttributes flash) {
        IndicatorView.Status indicator = visible(indicatorId);
        BigDecimal number = number(value);
        if (number == null) {
            flash.addFlashAttribute("error", FIELDS.get("value") + ": «" + value + "» không phải là số / is not a number");
            return back(indicator);
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("period", period);
        target.put("comparator", comparator);
        target.put("value", Map.of("kind", indicator.measure().kind().name(), "value", number));
        target.put("asWritten", asWritten == null || asWritten.isBlank() ? comparator + " " + number.toPlainString() : asWritten);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newTarget", target);
        body.put("reason", reason);
        body.put("decisionReference", decisionReference == null || decisionReference.isBlank() ? null : decisionReference);
        tell(flash, commands.post("/api/indicators/" + indicator.indicatorId() + "/target-revisions", body),
                "Đã điều chỉnh mục tiêu " + period + " / Target revised");
        return back(indicator);
    }

    /** The coordinating department hands the indicator to another agency from a date. */
    @PostMapping("/app/indicators/{indicatorId}/reassignments")
    public String reassign(@PathVariable String indicatorId, @RequestParam String toAgencyId, @RequestParam String reason,
                           @RequestParam String effectiveDate, RedirectAttributes flash) {
        IndicatorView.Status indicator = visible(indicatorId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toAgencyId", toAgencyId);
        body.put("reason", reason);
        body.put("effectiveDate", effectiveDate);
        tell(flash, commands.post("/api/indicators/" + indicator.indicatorId() + "/reassignments", body),
                "Đã giao lại cho " + toAgencyId + " / Reassigned");
        return back(indicator);
    }

    /** A stored evidence file, as a download (never rendered by the browser, whatever it contains). */
    @GetMapping("/app/evidence/{sha256}")
    public ResponseEntity<byte[]> evidence(@PathVariable String sha256) {
        EvidenceFiles.Stored file = files.find(sha256).orElseThrow(() -> new NotFound("evidence", sha256));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Evidence-SHA256", file.sha256())
                .body(file.content());
    }

    private IndicatorView.Status visible(String indicatorId) {
        IndicatorView.Status indicator = indicators.get(indicatorId, null, AsOf.Moment.NOW);
        if (!indicator.seenBy(scopePolicy.current())) {
            throw new NotFound("indicator", indicatorId);
        }
        return indicator;
    }

    private static void tell(RedirectAttributes flash, CommandClient.Answer answer, String done) {
        if (answer.accepted()) {
            flash.addFlashAttribute("message", done);
        } else {
            flash.addFlashAttribute("error", refusal(answer));
        }
    }

    /** A refusal as a person reads it: each field by its Vietnamese name with the command side's reason, or the detail. */
    static String refusal(CommandClient.Answer answer) {
        if (answer.body() == null) {
            return "HTTP " + answer.status();
        }
        List<String> errors = new ArrayList<>();
        answer.body().path("errors").forEach(e -> {
            String field = e.path("field").asText();
            errors.add(FIELDS.getOrDefault(field.replaceAll("[\\[.].*", ""), field) + " (" + field + "): " + e.path("message").asText());
        });
        return errors.isEmpty() ? answer.body().path("detail").asText("HTTP " + answer.status()) : String.join("; ", errors);
    }

    /** A figure as people type it ("61,5" or "61.5"); null when it is not a number. */
    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String back(IndicatorView.Status indicator) {
        return "redirect:/app/indicators/" + indicator.indicatorId();
    }
}
