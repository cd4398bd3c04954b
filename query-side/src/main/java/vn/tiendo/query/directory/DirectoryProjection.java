package vn.tiendo.query.directory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.agency.AgencyAliasRecorded;
import vn.tiendo.events.agency.AgencyGroupDefined;
import vn.tiendo.events.agency.AgencyGroupChanged;
import vn.tiendo.events.agency.AgencyMerged;
import vn.tiendo.events.agency.AgencyMoved;
import vn.tiendo.events.agency.AgencyRenamed;
import vn.tiendo.events.agency.AgencySplit;
import org.axonframework.eventhandling.SequenceNumber;
import java.time.LocalDate;
import vn.tiendo.events.agency.HeadAppointed;
import vn.tiendo.events.agency.HeadLeft;
import vn.tiendo.events.plan.PlanRegistered;

import static vn.tiendo.query.config.Times.utc;

import java.time.Instant;

/**
 * Plans and agencies: the directory the other views name things from.
 * Its table names are unqualified on purpose: they resolve to schema {@code projection}, or while a rebuild replays
 * into new tables to the rebuild's schema ({@link vn.tiendo.query.admin.ProjectionRebuild}).
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
public class DirectoryProjection {

    public static final String PROCESSING_GROUP = "directory-projection";

    private final JdbcTemplate jdbc;

    public DirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlanRegistered event, @Timestamp Instant recordedAt) {
        jdbc.update("insert into plan (plan_id, document_number, issued_on, issuer, title, period_start, period_end, registered_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                event.planId(), event.documentNumber(), event.issuedOn(), event.issuer(), event.title(),
                event.periodStart(), event.periodEnd(), utc(recordedAt));
    }

    @EventHandler
    void on(AgencyRegistered event, @Timestamp Instant recordedAt) {
        jdbc.update("insert into agency (agency_id, name, kind, parent_agency_id, registered_at) values (?, ?, ?, ?, ?)",
                event.agencyId(), event.name(), event.kind().name(), event.parentAgencyId(), utc(recordedAt));
    }

    @EventHandler
    void on(HeadAppointed event, @Timestamp Instant recordedAt) {
        jdbc.update("insert into agency_head (agency_id, from_date, holder, position, acting, decision_reference, recorded_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", event.agencyId(), event.from(), event.holder(), event.position(), event.acting(),
                event.decisionReference(), utc(recordedAt));
    }

    @EventHandler
    void on(HeadLeft event, @Timestamp Instant recordedAt) {
        jdbc.update("update agency_head set to_date = ?, left_decision_reference = ?, left_recorded_at = ? "
                + "where agency_id = ? and to_date is null", event.to(), event.decisionReference(), utc(recordedAt), event.agencyId());
    }

    @EventHandler
    void on(AgencyAliasRecorded event, @Timestamp Instant recordedAt) {
        jdbc.update("insert into agency_alias (agency_id, alias, recorded_at) values (?, ?, ?)", event.agencyId(), event.alias(),
                utc(recordedAt));
    }

    @EventHandler
    void on(AgencyGroupDefined event, @Timestamp Instant recordedAt) {
        jdbc.update("insert into agency_group (group_id, name, other_names, owner_agency_id, reason, defined_at) values (?, ?, ?, ?, ?, ?)",
                event.groupId(), event.name(), event.otherNames().toArray(String[]::new), event.ownerAgencyId(), event.reason(), utc(recordedAt));
        members(event.groupId(), event.memberAgencyIds());
    }

    @EventHandler
    void on(AgencyGroupChanged event) {
        jdbc.update("update agency_group set owner_agency_id = ?, members_since = ? where group_id = ?", event.toOwnerAgencyId(),
                event.effectiveDate(), event.groupId());
        jdbc.update("delete from agency_group_member where group_id = ?", event.groupId());
        members(event.groupId(), event.toMemberAgencyIds());
    }

    private void members(String groupId, java.util.List<String> agencyIds) {
        for (int i = 0; i < agencyIds.size(); i++) {
            jdbc.update("insert into agency_group_member (group_id, agency_id, position) values (?, ?, ?)", groupId, agencyIds.get(i), i);
        }
    }

    @EventHandler
    void on(AgencyRenamed event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.update("update agency set name = ? where agency_id = ?", event.name(), event.agencyId());
        change(event.agencyId(), version, "RENAMED", event.formerName(), event.name(), event.effectiveDate(), event.decisionReference(), recordedAt);
    }

    @EventHandler
    void on(AgencyMoved event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.update("update agency set parent_agency_id = ? where agency_id = ?", event.toParentAgencyId(), event.agencyId());
        change(event.agencyId(), version, "MOVED", event.fromParentAgencyId(), event.toParentAgencyId(), event.effectiveDate(),
                event.decisionReference(), recordedAt);
    }

    @EventHandler
    void on(AgencyMerged event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.update("update agency set merged_into = ?, closed_on = ? where agency_id = ?", event.intoAgencyId(), event.effectiveDate(),
                event.agencyId());
        change(event.agencyId(), version, "MERGED", event.agencyId(), event.intoAgencyId(), event.effectiveDate(), event.decisionReference(),
                recordedAt);
    }

    @EventHandler
    void on(AgencySplit event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.update("update agency set closed_on = ? where agency_id = ?", event.effectiveDate(), event.agencyId());
        change(event.agencyId(), version, "SPLIT", event.agencyId(), String.join(", ", event.intoAgencyIds()), event.effectiveDate(),
                event.decisionReference(), recordedAt);
    }

    private void change(String agencyId, long version, String change, String before, String after, LocalDate effectiveDate,
                        String decisionReference, Instant recordedAt) {
        jdbc.update("insert into agency_change (agency_id, version, change, before_value, after_value, effective_date, decision_reference, "
                + "recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)", agencyId, version, change, before, after, effectiveDate, decisionReference,
                utc(recordedAt));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from plan");
        jdbc.update("delete from agency");
        jdbc.update("delete from agency_head");
        jdbc.update("delete from agency_alias");
        jdbc.update("delete from agency_change");
        jdbc.update("delete from agency_group_member");
        jdbc.update("delete from agency_group");
    }
}
