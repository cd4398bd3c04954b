package vn.tiendo.command.plan;

import java.time.LocalDate;

public record RegisterPlan(String planId, String documentNumber, LocalDate issuedOn, String issuer, String title,
                           LocalDate periodStart, LocalDate periodEnd) {
}
