package vn.tiendo.events.emulation;

/** A collective (tập thể: an agency) or an individual (cá nhân: a person in an agency). */
public enum NomineeKind {
    COLLECTIVE, INDIVIDUAL
}
