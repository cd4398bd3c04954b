package vn.tiendo.command.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.web.CommandAccepted;
import vn.tiendo.command.web.CommandDispatcher;
import vn.tiendo.command.web.Ids;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.events.common.TextRules;

@RestController
@RequestMapping("/api/agencies")
@Tag(name = "Cơ quan / Agencies")
public class AgencyController {

    public record RegisterAgencyRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String agencyId,
                                        @NotBlank @Size(max = TextRules.MAX_NAME) String name, @NotNull AgencyKind kind,
                                        @Size(max = TextRules.MAX_ID) String parentAgencyId) {
    }

    private final CommandDispatcher dispatcher;
    private final Registry registry;

    public AgencyController(CommandDispatcher dispatcher, Registry registry) {
        this.dispatcher = dispatcher;
        this.registry = registry;
    }

    @PostMapping
    @Operation(summary = "Register an agency under its parent (the province has none)")
    public ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterAgencyRequest body, HttpServletRequest http) {
        registry.requireAgency(body.parentAgencyId(), "parentAgencyId");
        String agencyId = Ids.orNew(body.agencyId());
        return dispatcher.create(http, body, agencyId, new RegisterAgency(agencyId, body.name(), body.kind(), body.parentAgencyId()));
    }
}
