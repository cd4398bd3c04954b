package vn.tiendo.command.plan;

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
import vn.tiendo.command.web.CommandAccepted;
import vn.tiendo.command.web.CommandDispatcher;
import vn.tiendo.command.web.Ids;
import vn.tiendo.events.common.TextRules;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Kế hoạch / Plans")
public class PlanController {

    public record RegisterPlanRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String planId,
                                      @NotBlank @Size(max = TextRules.MAX_LABEL) String documentNumber, LocalDate issuedOn,
                                      @NotBlank @Size(max = TextRules.MAX_LABEL) String issuer, @NotBlank @Size(max = TextRules.MAX_NAME) String title,
                                      @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd) {
    }

    private final CommandDispatcher dispatcher;

    public PlanController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping
    @Operation(summary = "Register a plan document (số hiệu, ngày ban hành, cơ quan ban hành, trích yếu, thời kỳ)")
    public ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterPlanRequest body, HttpServletRequest http) {
        String planId = Ids.orNew(body.planId());
        return dispatcher.create(http, body, planId, new RegisterPlan(planId, body.documentNumber(), body.issuedOn(),
                body.issuer(), body.title(), body.periodStart(), body.periodEnd()));
    }
}
