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
import vn.tiendo.command.agency.AgencyCommands.ChangeAgencyGroup;
import vn.tiendo.command.agency.AgencyCommands.DefineAgencyGroup;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.importing.AgencyDirectory;
import vn.tiendo.command.importing.AgencyNames;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.web.CommandAccepted;
import vn.tiendo.command.web.CommandDispatcher;
import vn.tiendo.command.web.Ids;
import vn.tiendo.events.common.TextRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collective assignees: the groups the plans assign rows to ("UBND các phường"). Once defined, an import gives each
 * member its own share of such a row.
 */
@RestController
@RequestMapping("/api/agency-groups")
@Tag(name = "Cơ quan / Agencies")
public class AgencyGroupController {

    /** {@code name}: as the plans write it; {@code otherNames}: other ways they write it. */
    public record DefineGroupRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String groupId,
                                     @NotBlank @Size(max = TextRules.MAX_NAME) String name,
                                     @Size(max = 20) List<@NotBlank @Size(max = TextRules.MAX_NAME) String> otherNames,
                                     @NotBlank @Size(max = TextRules.MAX_ID) String ownerAgencyId,
                                     @NotNull @Size(min = 2, max = 500) List<@NotBlank @Size(max = TextRules.MAX_ID) String> memberAgencyIds,
                                     @Size(max = TextRules.MAX_NOTE) String reason) {
    }

    /** {@code ownerAgencyId}: left out, the owner stays. */
    public record MembersRequest(Long expectedVersion, @Size(max = TextRules.MAX_ID) String ownerAgencyId,
                                 @NotNull @Size(min = 2, max = 500) List<@NotBlank @Size(max = TextRules.MAX_ID) String> memberAgencyIds,
                                 @NotNull LocalDate effectiveDate, @NotBlank @Size(max = TextRules.MAX_NOTE) String reason) {
    }

    private final CommandDispatcher dispatcher;
    private final Registry registry;
    private final AgencyNames names;

    public AgencyGroupController(CommandDispatcher dispatcher, Registry registry, AgencyNames names) {
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.names = names;
    }

    /**
     * Defines a group. Its names may mean no agency and no other group (409): a cell naming it must be read one way
     * only. The owner and the members are registered agencies that have not ended.
     */
    @PostMapping
    @Operation(summary = "Define a collective assignee the plans name (e.g. \"UBND các phường\"): its members each get their own share "
            + "of a row assigned to it; the owner answers for the whole")
    public ResponseEntity<CommandAccepted> define(@Valid @RequestBody DefineGroupRequest body, HttpServletRequest http) {
        requireCurrent(body.ownerAgencyId(), "ownerAgencyId");
        requireMembers(body.memberAgencyIds());
        List<String> all = new ArrayList<>(List.of(body.name()));
        if (body.otherNames() != null) {
            all.addAll(body.otherNames());
        }
        AgencyDirectory registered = names.registered();
        for (String name : all) {
            registered.named(name).ifPresent(agency -> {
                throw new StateConflict("\"" + name.strip() + "\" already means the agency " + agency + "; a name can mean one agency or one group");
            });
            registered.group(name).ifPresent(group -> {
                throw new StateConflict("\"" + name.strip() + "\" already means the group " + group.id());
            });
        }
        String groupId = Ids.orNew(body.groupId());
        return dispatcher.create(http, body, groupId, new DefineAgencyGroup(groupId, body.name(), body.otherNames(), body.ownerAgencyId(),
                body.memberAgencyIds(), body.reason()));
    }

    @PostMapping("/{groupId}/members")
    @Operation(summary = "The group's members (and owner) from a date (rows imported after take them; shares given before stay where they are)")
    public ResponseEntity<CommandAccepted> members(@PathVariable String groupId, @Valid @RequestBody MembersRequest body, HttpServletRequest http) {
        if (body.ownerAgencyId() != null) {
            requireCurrent(body.ownerAgencyId(), "ownerAgencyId");
        }
        requireMembers(body.memberAgencyIds());
        return dispatcher.update(http, body, groupId, new ChangeAgencyGroup(groupId, body.expectedVersion(), body.ownerAgencyId(),
                body.memberAgencyIds(), body.effectiveDate(), body.reason()), body.reason());
    }

    private void requireMembers(List<String> memberAgencyIds) {
        for (int i = 0; i < memberAgencyIds.size(); i++) {
            requireCurrent(memberAgencyIds.get(i), "memberAgencyIds[" + i + "]");
        }
    }

    private void requireCurrent(String agencyId, String field) {
        registry.requireAgency(agencyId, field);
        if (registry.hasEnded(agencyId)) {
            throw new RuleViolation(field, agencyId + " was merged or split and has ended");
        }
    }
}
