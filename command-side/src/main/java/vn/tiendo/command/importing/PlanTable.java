package vn.tiendo.command.importing;

import vn.tiendo.command.registry.Registry;

/** What a plan's indicator or task table is read against: the plan, its period and issuer, the agencies known by name. */
record PlanTable(String planId, Registry.PlanPeriod plan, AgencyDirectory agencies) {
}
