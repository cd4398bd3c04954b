package vn.tiendo.command.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Digits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.indicator.IndicatorCommands.AcceptIndicatorCorrection;
import vn.tiendo.command.indicator.IndicatorCommands.ApproveIndicatorReport;
import vn.tiendo.command.indicator.IndicatorCommands.CorrectIndicatorProgress;
import vn.tiendo.command.indicator.IndicatorCommands.RejectIndicatorCorrection;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.DeclareRollUpRule;
import vn.tiendo.command.indicator.IndicatorCommands.LinkIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.UnlinkIndicator;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.command.indicator.IndicatorCommands.ReassignIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.ReportIndicatorProgress;
import vn.tiendo.command.indicator.IndicatorCommands.ReviseIndicatorTarget;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.web.CommandAccepted;
import vn.tiendo.command.web.CommandDispatcher;
import vn.tiendo.command.web.Ids;
import vn.tiendo.command.web.ReasonRequest;
import vn.tiendo.command.web.ReassignRequest;
import vn.tiendo.command.web.VersionOnly;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.events.common.TextRules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/indicators")
@Tag(name = "Chỉ tiêu / Indicators")
public class IndicatorController {

    public record DefineIndicatorRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String indicatorId,
                                         @NotBlank @Size(max = TextRules.MAX_ID) String planId, @NotBlank @Size(max = TextRules.MAX_ID) String code,
                                         @NotBlank @Size(max = TextRules.MAX_NAME) String name, @Size(max = TextRules.MAX_LABEL) String unit,
                                         @NotNull @Valid Measure measure, @NotNull Direction direction,
                                         @Valid MeasuredValue baseline, @Size(max = TextRules.MAX_LABEL) String baselineAsWritten,
                                         @Size(max = TextRules.MAX_ITEMS) List<@Valid Target> targets,
                                         @NotBlank @Size(max = TextRules.MAX_ID) String leadAgencyId,
                                         @NotBlank @Size(max = TextRules.MAX_ID) String monitoringAgencyId,
                                         @Size(max = 10) List<@NotBlank @Size(max = TextRules.MAX_LABEL) String> groupPath) {
    }

    public record ReviseTargetRequest(Long expectedVersion, @NotNull @Valid Target newTarget,
                                      @NotBlank @Size(max = TextRules.MAX_NOTE) String reason,
                                      @Size(max = TextRules.MAX_LABEL) String decisionReference) {
    }

    public record IndicatorReportRequest(Long expectedVersion, @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String reportId,
                                @NotNull Period period, @NotNull @Valid MeasuredValue value, @Size(max = TextRules.MAX_NOTE) String note,
                                @Size(max = 20) List<@Valid EvidenceRef> evidence) {
    }

    public record CorrectionRequest(Long expectedVersion, @NotNull @Valid MeasuredValue newValue,
                                    @NotBlank @Size(max = TextRules.MAX_NOTE) String reason, @Size(max = 20) List<@Valid EvidenceRef> evidence) {
    }

    /** {@code effectiveFrom}: the first day of the first period it counts for (left out: every period). */
    public record LinkRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_ID) String implementsIndicatorId,
                              @Positive @Digits(integer = 15, fraction = 6) BigDecimal weight, @Size(max = TextRules.MAX_NOTE) String reason,
                              LocalDate effectiveFrom) {
    }

    /** {@code effectiveFrom}: the first day of the first period it no longer counts for (left out: no period). */
    public record UnlinkRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_NOTE) String reason, LocalDate effectiveFrom) {
    }

    public record RollUpRuleRequest(Long expectedVersion, @NotNull RollUpRule rule, @Size(max = TextRules.MAX_LABEL) String weightLabel,
                                    @Size(max = TextRules.MAX_NOTE) String reason) {
    }

    private final CommandDispatcher dispatcher;
    private final Registry registry;

    public IndicatorController(CommandDispatcher dispatcher, Registry registry) {
        this.dispatcher = dispatcher;
        this.registry = registry;
    }

    @PostMapping
    @Operation(summary = "Define an indicator of a plan: measure, baseline, targets per period, lead and monitoring agencies")
    public ResponseEntity<CommandAccepted> define(@Valid @RequestBody DefineIndicatorRequest body, HttpServletRequest http) {
        Registry.PlanPeriod plan = registry.requirePlan(body.planId(), "planId");
        registry.requireAgency(body.leadAgencyId(), "leadAgencyId");
        registry.requireAgency(body.monitoringAgencyId(), "monitoringAgencyId");
        registry.indicatorWithCode(body.planId(), body.code()).ifPresent(existing -> {
            throw new StateConflict("plan " + body.planId() + " already has indicator " + body.code() + " (" + existing + ")");
        });
        String indicatorId = Ids.orNew(body.indicatorId());
        return dispatcher.create(http, body, indicatorId, new DefineIndicator(indicatorId, body.planId(), body.code(),
                body.name(), body.unit(), body.measure(), body.direction(), body.baseline(), body.baselineAsWritten(),
                body.targets(), body.leadAgencyId(), body.monitoringAgencyId(), plan.start(), plan.end(), body.groupPath()));
    }

    @PostMapping("/{indicatorId}/target-revisions")
    @Operation(summary = "Revise the target of one period, with a reason and the deciding document")
    public ResponseEntity<CommandAccepted> reviseTarget(@PathVariable String indicatorId, @Valid @RequestBody ReviseTargetRequest body,
                                                        HttpServletRequest http) {
        return dispatcher.update(http, body, indicatorId, new ReviseIndicatorTarget(indicatorId, body.expectedVersion(),
                body.newTarget(), body.reason(), body.decisionReference()), body.reason());
    }

    @PostMapping("/{indicatorId}/reassignments")
    @Operation(summary = "Give the indicator to another lead agency from a date")
    public ResponseEntity<CommandAccepted> reassign(@PathVariable String indicatorId, @Valid @RequestBody ReassignRequest body,
                                                    HttpServletRequest http) {
        registry.requireAgency(body.toAgencyId(), "toAgencyId");
        return dispatcher.update(http, body, indicatorId, new ReassignIndicator(indicatorId, body.expectedVersion(),
                body.toAgencyId(), body.reason(), body.effectiveDate()), body.reason());
    }

    @PostMapping("/{indicatorId}/monitoring")
    @Operation(summary = "Give the monitoring and evaluation of the indicator (cơ quan theo dõi, đánh giá) to another agency from a date")
    public ResponseEntity<CommandAccepted> reassignMonitoring(@PathVariable String indicatorId, @Valid @RequestBody ReassignRequest body,
                                                              HttpServletRequest http) {
        registry.requireAgency(body.toAgencyId(), "toAgencyId");
        if (registry.hasEnded(body.toAgencyId())) {
            throw new StateConflict(body.toAgencyId() + " was merged or split and has ended");
        }
        return dispatcher.update(http, body, indicatorId, new IndicatorCommands.ReassignMonitoring(indicatorId, body.expectedVersion(),
                body.toAgencyId(), body.reason(), body.effectiveDate()), body.reason());
    }

    @PostMapping("/{indicatorId}/reports")
    @Operation(summary = "Report the indicator's value for a period, with evidence")
    public ResponseEntity<CommandAccepted> report(@PathVariable String indicatorId, @Valid @RequestBody IndicatorReportRequest body,
                                                  HttpServletRequest http) {
        String reportId = Ids.orNew(body.reportId());
        boolean approved = ScopePolicy.reportApprovedAsSent(PlatformUser.current());
        return dispatcher.report(http, body, indicatorId, reportId, new ReportIndicatorProgress(indicatorId,
                body.expectedVersion(), reportId, body.period(), body.value(), body.note(), body.evidence(), approved));
    }

    @PostMapping("/{indicatorId}/reports/{reportId}/corrections")
    @Operation(summary = "Correct an earlier report, with a reason; the original stays in the history. A draft changes at once "
            + "(200); an approved report gets a proposal the coordinator must accept (202, with proposalId)")
    public ResponseEntity<CommandAccepted> correct(@PathVariable String indicatorId, @PathVariable String reportId,
                                                   @Valid @RequestBody CorrectionRequest body, HttpServletRequest http) {
        return dispatcher.update(http, body, indicatorId, new CorrectIndicatorProgress(indicatorId, body.expectedVersion(),
                reportId, body.newValue(), body.reason(), body.evidence(), Ids.orNew(null)), body.reason());
    }

    @PostMapping("/{indicatorId}/reports/{reportId}/approval")
    @Operation(summary = "Approve a draft report (head of the agency): its period is then locked")
    public ResponseEntity<CommandAccepted> approve(@PathVariable String indicatorId, @PathVariable String reportId,
                                                   @Valid @RequestBody VersionOnly version, HttpServletRequest http) {
        return dispatcher.update(http, version, indicatorId, new ApproveIndicatorReport(indicatorId, version.expectedVersion(), reportId), null);
    }

    @PostMapping("/{indicatorId}/correction-proposals/{proposalId}/acceptance")
    @Operation(summary = "Accept a proposed correction of an approved report (coordinator): the value changes")
    public ResponseEntity<CommandAccepted> accept(@PathVariable String indicatorId, @PathVariable String proposalId,
                                                  @Valid @RequestBody VersionOnly version, HttpServletRequest http) {
        return dispatcher.update(http, version, indicatorId, new AcceptIndicatorCorrection(indicatorId, version.expectedVersion(), proposalId), null);
    }

    @PostMapping("/{indicatorId}/correction-proposals/{proposalId}/rejection")
    @Operation(summary = "Reject a proposed correction, with a reason (coordinator): the approved value stands")
    public ResponseEntity<CommandAccepted> reject(@PathVariable String indicatorId, @PathVariable String proposalId,
                                                  @Valid @RequestBody ReasonRequest body, HttpServletRequest http) {
        return dispatcher.update(http, body, indicatorId, new RejectIndicatorCorrection(indicatorId, body.expectedVersion(), proposalId,
                body.reason()), body.reason());
    }

    /**
     * Links the indicator (a lower level's) to the one of the plan above that it implements: its figure counts in that
     * one's roll-up, with {@code weight} for a weighted average. It keeps its own targets, lead and reports.
     */
    @PostMapping("/{indicatorId}/link")
    @Operation(summary = "Link the indicator to the indicator of the plan above that it implements (many to one), with a weight for weighted roll-ups")
    public ResponseEntity<CommandAccepted> link(@PathVariable String indicatorId, @Valid @RequestBody LinkRequest body, HttpServletRequest http) {
        if (!registry.indicatorExists(body.implementsIndicatorId())) {
            throw new RuleViolation("implementsIndicatorId", "no indicator " + body.implementsIndicatorId());
        }
        if (registry.implementedAbove(body.implementsIndicatorId()).contains(indicatorId)) {
            throw new RuleViolation("implementsIndicatorId", body.implementsIndicatorId() + " already counts in " + indicatorId
                    + "'s figure; linking them the other way would close a circle");
        }
        return dispatcher.update(http, body, indicatorId, new LinkIndicator(indicatorId, body.expectedVersion(), body.implementsIndicatorId(),
                body.weight(), body.reason(), body.effectiveFrom()), body.reason());
    }

    @PostMapping("/{indicatorId}/unlink")
    @Operation(summary = "The indicator no longer counts in the figure of the indicator it implemented (with a reason), for the periods "
            + "from effectiveFrom on (left out: for any period)")
    public ResponseEntity<CommandAccepted> unlink(@PathVariable String indicatorId, @Valid @RequestBody UnlinkRequest body, HttpServletRequest http) {
        return dispatcher.update(http, body, indicatorId, new UnlinkIndicator(indicatorId, body.expectedVersion(), body.reason(),
                body.effectiveFrom()), body.reason());
    }

    @PostMapping("/{indicatorId}/roll-up-rule")
    @Operation(summary = "Declare how the indicator's figure is built from those implementing it: SUM, WEIGHTED_AVERAGE, MINIMUM, "
            + "ALL_ACHIEVED, SHARE_ACHIEVING")
    public ResponseEntity<CommandAccepted> rollUpRule(@PathVariable String indicatorId, @Valid @RequestBody RollUpRuleRequest body,
                                                      HttpServletRequest http) {
        return dispatcher.update(http, body, indicatorId, new DeclareRollUpRule(indicatorId, body.expectedVersion(), body.rule(),
                body.weightLabel(), body.reason()), body.reason());
    }
}
