package vn.tiendo.events.emulation;

import java.time.LocalDate;

/**
 * One round of a campaign (đợt khen thưởng): nominations are taken from {@code opensOn} to {@code closesOn}, both
 * days included, and the awards are given on {@code awardDate} (the occasion the plan names).
 */
public record Round(int number, String name, String occasion, LocalDate opensOn, LocalDate closesOn, LocalDate awardDate) {
}
