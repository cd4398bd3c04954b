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
import vn.tiendo.command.agency.AgencyCommands.RecordAlias;
import vn.tiendo.command.agency.AgencyCommands.RecordHeadLeft;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.importing.AgencyNames;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.web.CommandAccepted;
import vn.tiendo.command.web.CommandDispatcher;
import vn.tiendo.command.web.Ids;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.events.common.TextRules;

import java.time.LocalDate;

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

    private final CommandDispatcher dispatcher;
    private final Registry registry;
    private final AgencyNames names;

    public AgencyController(CommandDispatcher dispatcher, Registry registry, AgencyNames names) {
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.names = names;
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
        names.registered().named(body.alias()).filter(other -> !other.equals(agencyId)).ifPresent(other -> {
            throw new StateConflict("\"" + body.alias().strip() + "\" already means " + other + "; a name can mean one agency only");
        });
        return dispatcher.update(http, body, agencyId, new RecordAlias(agencyId, body.expectedVersion(), body.alias()), body.reason());
    }
}
