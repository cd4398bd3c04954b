package vn.tiendo.command.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.command.agency.AgencyCommands.AppointHead;
import vn.tiendo.command.agency.AgencyCommands.MergeAgency;
import vn.tiendo.command.agency.AgencyCommands.MoveAgency;
import vn.tiendo.command.agency.AgencyCommands.RecordAlias;
import vn.tiendo.command.agency.AgencyCommands.RenameAgency;
import vn.tiendo.command.agency.AgencyCommands.SplitAgency;
import vn.tiendo.command.agency.AgencyCommands.RecordHeadLeft;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.web.Caller;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tiendo.command.importing.AgencyDirectory;
import vn.tiendo.command.importing.AgencyNames;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.web.CommandAccepted;
import vn.tiendo.command.web.CommandDispatcher;
import vn.tiendo.command.web.Ids;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.events.common.TextRules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/agencies")
@Tag(name = "Cơ quan / Agencies")
public class AgencyController {

    public record RegisterAgencyRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String agencyId,
                                        @NotBlank @Size(max = TextRules.MAX_NAME) String name, @NotNull AgencyKind kind,
                                        @Size(max = TextRules.MAX_ID) String parentAgencyId) {
    }

    public record AppointHeadRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_NAME) String holder,
                                     @NotBlank @Size(max = TextRules.MAX_LABEL) String position, boolean acting,
                                     @NotBlank @Size(max = TextRules.MAX_LABEL) String decisionReference, @NotNull LocalDate from) {
    }

    public record HeadLeftRequest(Long expectedVersion, @NotNull LocalDate to, @NotBlank @Size(max = TextRules.MAX_LABEL) String decisionReference,
                                  @Size(max = TextRules.MAX_NOTE) String reason) {
    }

    /** {@code reason}: why the name means this agency (e.g. "tên viết tắt trong Phụ lục 1 của kế hoạch 003"). */
    public record AliasRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_NAME) String alias,
                               @Size(max = TextRules.MAX_NOTE) String reason) {
    }

    public record RenameRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_NAME) String name, @NotNull LocalDate effectiveDate,
                                @NotBlank @Size(max = TextRules.MAX_LABEL) String decisionReference) {
    }

    public record MoveRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_ID) String toParentAgencyId,
                              @NotNull LocalDate effectiveDate, @NotBlank @Size(max = TextRules.MAX_LABEL) String decisionReference) {
    }

    /**
     * {@code intoAgencyIds}: the parts, the first carrying on what {@code assignments} gives no other part;
     * {@code assignments}: an indicator, open task or agency under it → the part that takes it.
     */
    public record SplitRequest(Long expectedVersion,
                               @NotNull @Size(min = 2, max = 50) List<@NotBlank @Size(max = TextRules.MAX_ID) String> intoAgencyIds,
                               @Size(max = 5000) Map<@NotBlank @Size(max = TextRules.MAX_ID) String, @NotBlank @Size(max = TextRules.MAX_ID) String> assignments,
                               @NotNull LocalDate effectiveDate, @NotBlank @Size(max = TextRules.MAX_LABEL) String decisionReference) {
    }

    public record MergeRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_ID) String intoAgencyId,
                               @NotNull LocalDate effectiveDate, @NotBlank @Size(max = TextRules.MAX_LABEL) String decisionReference) {
    }

    private final CommandDispatcher dispatcher;
    private final Registry registry;
    private final AgencyNames names;
    private final AgencyMergers mergers;
    private final TransactionTemplate transaction;

    public AgencyController(CommandDispatcher dispatcher, Registry registry, AgencyNames names, AgencyMergers mergers,
                            TransactionTemplate transaction) {
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.names = names;
        this.mergers = mergers;
        this.transaction = transaction;
    }

    @PostMapping
    @Operation(summary = "Register an agency under its parent (the province has none)")
    public ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterAgencyRequest body, HttpServletRequest http) {
        registry.requireAgency(body.parentAgencyId(), "parentAgencyId");
        String agencyId = Ids.orNew(body.agencyId());
        return dispatcher.create(http, body, agencyId, new RegisterAgency(agencyId, body.name(), body.kind(), body.parentAgencyId()));
    }

    @PostMapping("/{agencyId}/heads")
    @Operation(summary = "Record who leads the agency from a date (head or acting head), by a decision")
    public ResponseEntity<CommandAccepted> appointHead(@PathVariable String agencyId, @Valid @RequestBody AppointHeadRequest body,
                                                       HttpServletRequest http) {
        return dispatcher.update(http, body, agencyId, new AppointHead(agencyId, body.expectedVersion(), body.holder(), body.position(),
                body.acting(), body.decisionReference(), body.from()), null);
    }

    @PostMapping("/{agencyId}/heads/leaving")
    @Operation(summary = "Record that the head in office left on a date (their last day), by a decision")
    public ResponseEntity<CommandAccepted> headLeft(@PathVariable String agencyId, @Valid @RequestBody HeadLeftRequest body,
                                                    HttpServletRequest http) {
        return dispatcher.update(http, body, agencyId, new RecordHeadLeft(agencyId, body.expectedVersion(), body.to(),
                body.decisionReference(), body.reason()), body.reason());
    }

    /**
     * Confirms that a name the plans write means this agency: imports take it so from then on. A name that already
     * means another agency (its name, a known spelling, a confirmed alias) is refused with 409; the same name again
     * changes nothing.
     */
    @PostMapping("/{agencyId}/aliases")
    @Operation(summary = "Confirm a name the plans write for the agency (an alias), e.g. one an import's dry run proposed it for")
    public ResponseEntity<CommandAccepted> recordAlias(@PathVariable String agencyId, @Valid @RequestBody AliasRequest body,
                                                       HttpServletRequest http) {
        AgencyDirectory registered = names.registered();
        registered.named(body.alias()).filter(other -> !other.equals(agencyId)).ifPresent(other -> {
            throw new StateConflict("\"" + body.alias().strip() + "\" already means " + other + "; a name can mean one agency only");
        });
        registered.group(body.alias()).ifPresent(group -> {
            throw new StateConflict("\"" + body.alias().strip() + "\" already means the group " + group.id() + "; a name can mean one agency or one group");
        });
        return dispatcher.update(http, body, agencyId, new RecordAlias(agencyId, body.expectedVersion(), body.alias()), body.reason());
    }

    @PostMapping("/{agencyId}/renaming")
    @Operation(summary = "The agency is called otherwise from a date, by a decision (its past stays under its former name)")
    public ResponseEntity<CommandAccepted> rename(@PathVariable String agencyId, @Valid @RequestBody RenameRequest body, HttpServletRequest http) {
        return dispatcher.update(http, body, agencyId, new RenameAgency(agencyId, body.expectedVersion(), body.name(), body.effectiveDate(),
                body.decisionReference()), null);
    }

    @PostMapping("/{agencyId}/move")
    @Operation(summary = "The agency sits under another from a date, by a decision (e.g. wards under the province once the district level ended)")
    public ResponseEntity<CommandAccepted> move(@PathVariable String agencyId, @Valid @RequestBody MoveRequest body, HttpServletRequest http) {
        registry.requireAgency(body.toParentAgencyId(), "toParentAgencyId");
        if (registry.agencyAndDescendants(agencyId).contains(body.toParentAgencyId())) {
            throw new RuleViolation("toParentAgencyId", body.toParentAgencyId() + " is " + agencyId + " or under it; an agency cannot sit under itself");
        }
        requireNotMerged(body.toParentAgencyId());
        return dispatcher.update(http, body, agencyId, new MoveAgency(agencyId, body.expectedVersion(), body.toParentAgencyId(),
                body.effectiveDate(), body.decisionReference()), null);
    }

    /**
     * Merges the agency into another from a date, by a decision, in one transaction with what follows: the
     * indicators and open tasks it leads are reassigned to the successor from that date and the agencies under it move
     * under the successor. Its history stays its own.
     */
    @PostMapping("/{agencyId}/merger")
    @Operation(summary = "Merge the agency into another from a date, by a decision: its open records and the agencies under it pass to the "
            + "successor; its reports, heads and scores stay its own")
    public ResponseEntity<CommandAccepted> merge(@PathVariable String agencyId, @Valid @RequestBody MergeRequest body, HttpServletRequest http) {
        registry.requireAgency(body.intoAgencyId(), "intoAgencyId");
        if (registry.agencyAndDescendants(agencyId).contains(body.intoAgencyId())) {
            throw new RuleViolation("intoAgencyId", body.intoAgencyId() + " is " + agencyId + " or under it; merge it the other way");
        }
        requireNotMerged(body.intoAgencyId());
        return transaction.execute(tx -> {
            ResponseEntity<CommandAccepted> merged = dispatcher.update(http, body, agencyId, new MergeAgency(agencyId, body.expectedVersion(),
                    body.intoAgencyId(), body.effectiveDate(), body.decisionReference()), null);
            mergers.passOn(agencyId, body.intoAgencyId(), body.effectiveDate(), body.decisionReference(), Caller.from(http));
            return merged;
        });
    }

    /**
     * Splits the agency into two or more agencies from a date, by a decision, in one transaction with what follows:
     * each indicator, open task and agency under it passes to the part the decision gives it (the first part when it
     * names none). Its history stays its own.
     */
    @PostMapping("/{agencyId}/split")
    @Operation(summary = "Split the agency into two or more agencies from a date, by a decision: its open records, monitoring duties and the "
            + "agencies under it pass to the parts (assignments; the first part takes the rest); its reports, heads and scores stay its own")
    public ResponseEntity<CommandAccepted> split(@PathVariable String agencyId, @Valid @RequestBody SplitRequest body, HttpServletRequest http) {
        List<String> below = registry.agencyAndDescendants(agencyId);
        for (int i = 0; i < body.intoAgencyIds().size(); i++) {
            String part = body.intoAgencyIds().get(i);
            registry.requireAgency(part, "intoAgencyIds[" + i + "]");
            if (below.contains(part)) {
                throw new RuleViolation("intoAgencyIds[" + i + "]", part + " is " + agencyId + " or under it; register the parts beside it");
            }
            requireNotMerged(part);
        }
        Map<String, String> assignments = body.assignments() == null ? Map.of() : body.assignments();
        AgencyMergers.Holdings held = mergers.holdings(agencyId);
        assignments.forEach((id, part) -> {
            if (!held.contains(id)) {
                throw new RuleViolation("assignments[" + id + "]", agencyId + " leads, monitors or has under it no open " + id);
            }
            if (!body.intoAgencyIds().contains(part)) {
                throw new RuleViolation("assignments[" + id + "]", part + " is not one of the parts");
            }
        });
        return transaction.execute(tx -> {
            ResponseEntity<CommandAccepted> split = dispatcher.update(http, body, agencyId, new SplitAgency(agencyId, body.expectedVersion(),
                    body.intoAgencyIds(), body.effectiveDate(), body.decisionReference()), null);
            mergers.passOnSplit(agencyId, body.intoAgencyIds(), assignments, body.effectiveDate(), body.decisionReference(), Caller.from(http));
            return split;
        });
    }

    private void requireNotMerged(String agencyId) {
        if (registry.hasEnded(agencyId)) {
            throw new StateConflict(agencyId + " was merged or split and has ended");
        }
    }
}
