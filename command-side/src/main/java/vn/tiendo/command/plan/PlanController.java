package vn.tiendo.command.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.command.plan.ReportingCommands.DeclareReportingObligation;
import vn.tiendo.command.plan.ReportingCommands.SubmitPeriodicReport;
import vn.tiendo.command.plan.ReportingCommands.WithdrawReportingObligation;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.web.CommandAccepted;
import vn.tiendo.command.web.CommandDispatcher;
import vn.tiendo.command.web.Ids;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.TextRules;
import vn.tiendo.events.plan.ReportingCycle;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Kế hoạch / Plans")
public class PlanController {

    public record RegisterPlanRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String planId,
                                      @NotBlank @Size(max = TextRules.MAX_LABEL) String documentNumber, LocalDate issuedOn,
                                      @NotBlank @Size(max = TextRules.MAX_LABEL) String issuer, @NotBlank @Size(max = TextRules.MAX_NAME) String title,
                                      @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd) {
    }

    /** {@code reporterAgencyId} left out: every agency leading an indicator or task of the plan reports. */
    public record ObligationRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String obligationId,
                                    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String reporterAgencyId,
                                    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String recipientAgencyId,
                                    @NotNull ReportingCycle cycle, @NotNull @Min(1) @Max(31) Integer dueDay,
                                    @Min(-11) @Max(11) Integer dueMonthOffset, @NotBlank @Size(max = TextRules.MAX_LABEL) String asWritten) {
    }

    public record WithdrawalRequest(@NotBlank @Size(max = TextRules.MAX_NOTE) String reason) {
    }

    public record PeriodicReportRequest(@NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String obligationId,
                                        @NotNull Period period,
                                        @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String agencyId,
                                        @Size(max = TextRules.MAX_NOTE) String note, @Valid List<EvidenceRef> evidence) {
    }

    private final CommandDispatcher dispatcher;
    private final Registry registry;

    public PlanController(CommandDispatcher dispatcher, Registry registry) {
        this.dispatcher = dispatcher;
        this.registry = registry;
    }

    @PostMapping
    @Operation(summary = "Register a plan document (số hiệu, ngày ban hành, cơ quan ban hành, trích yếu, thời kỳ)")
    public ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterPlanRequest body, HttpServletRequest http) {
        String planId = Ids.orNew(body.planId());
        return dispatcher.create(http, body, planId, new RegisterPlan(planId, body.documentNumber(), body.issuedOn(),
                body.issuer(), body.title(), body.periodStart(), body.periodEnd()));
    }

    @PostMapping("/{planId}/reporting-obligations")
    @Operation(summary = "Declare a reporting duty of the plan (chế độ báo cáo): who reports to whom, monthly, quarterly or yearly, by which day")
    public ResponseEntity<CommandAccepted> declareObligation(@PathVariable String planId, @Valid @RequestBody ObligationRequest body,
                                                             HttpServletRequest http) {
        registry.requireAgency(body.reporterAgencyId(), "reporterAgencyId");
        registry.requireAgency(body.recipientAgencyId(), "recipientAgencyId");
        String obligationId = Ids.orNew(body.obligationId());
        return dispatcher.update(http, body, planId, new DeclareReportingObligation(planId, obligationId, body.reporterAgencyId(),
                body.recipientAgencyId(), body.cycle(), body.dueDay(), body.dueMonthOffset() == null ? 0 : body.dueMonthOffset(),
                body.asWritten()), null);
    }

    @PostMapping("/{planId}/reporting-obligations/{obligationId}/withdrawal")
    @Operation(summary = "End a reporting duty (the plan was amended)")
    public ResponseEntity<CommandAccepted> withdrawObligation(@PathVariable String planId, @PathVariable String obligationId,
                                                              @Valid @RequestBody WithdrawalRequest body, HttpServletRequest http) {
        return dispatcher.update(http, body, planId, new WithdrawReportingObligation(planId, obligationId, body.reason()), body.reason());
    }

    @PostMapping("/{planId}/periodic-reports")
    @Operation(summary = "Send an agency's periodic report under one of the plan's reporting duties (its document or file as evidence)")
    public ResponseEntity<CommandAccepted> submitPeriodicReport(@PathVariable String planId, @Valid @RequestBody PeriodicReportRequest body,
                                                                HttpServletRequest http) {
        registry.requireAgency(body.agencyId(), "agencyId");
        return dispatcher.report(http, body, planId, null, new SubmitPeriodicReport(planId, body.obligationId(), body.period(),
                body.agencyId(), body.note(), body.evidence()));
    }
}
