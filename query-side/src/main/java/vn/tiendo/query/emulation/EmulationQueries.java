package vn.tiendo.query.emulation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.emulation.AwardForm;
import vn.tiendo.events.emulation.CampaignTarget;
import vn.tiendo.events.emulation.Claim;
import vn.tiendo.events.emulation.Round;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.emulation.EmulationViews.CampaignView;
import vn.tiendo.query.emulation.EmulationViews.NominationView;
import vn.tiendo.query.web.NotFound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Campaigns and nominations as projected; nominations filtered by the reader's scope in SQL. */
@Component
public class EmulationQueries {

    private static final TypeReference<List<Round>> ROUNDS = new TypeReference<>() { };
    private static final TypeReference<List<CampaignTarget>> TARGETS = new TypeReference<>() { };
    private static final TypeReference<List<AwardForm>> AWARDS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Claim>> CLAIMS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> CLAIM_STATUS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    public EmulationQueries(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<CampaignView> campaigns() {
        return jdbc.query("select * from projection.emulation_campaign order by period_from, campaign_id", this::toCampaign);
    }

    public CampaignView campaign(String campaignId) {
        return jdbc.query("select * from projection.emulation_campaign where campaign_id = ?", this::toCampaign, campaignId)
                .stream().findFirst().orElseThrow(() -> new NotFound("campaign", campaignId));
    }

    /** The nominations {@code scope} sees (those of its agencies), for a campaign and round when given, oldest first. */
    public List<NominationView> nominations(String campaignId, Integer round, String status, Scope scope) {
        StringBuilder sql = new StringBuilder(SELECT_NOMINATION + " where true");
        List<Object> args = new ArrayList<>();
        if (campaignId != null) {
            sql.append(" and n.campaign_id = ?");
            args.add(campaignId);
        }
        if (round != null) {
            sql.append(" and n.round_number = ?");
            args.add(round);
        }
        if (status != null) {
            sql.append(" and n.status = ?");
            args.add(status);
        }
        if (!scope.isAll()) {
            sql.append(" and n.agency_id = any(cast(? as text[]))");
            args.add(scope.sqlArray());
        }
        return jdbc.query(sql + " order by n.submitted_at, n.nomination_id", this::toNomination, args.toArray());
    }

    /** One nomination; 404 when it is unknown or outside the reader's scope. */
    public NominationView nomination(String nominationId, Scope scope) {
        NominationView view = jdbc.query(SELECT_NOMINATION + " where n.nomination_id = ?", this::toNomination, nominationId)
                .stream().findFirst().orElseThrow(() -> new NotFound("nomination", nominationId));
        if (!scope.includes(view.agencyId())) {
            throw new NotFound("nomination", nominationId);
        }
        return view;
    }

    private static final String SELECT_NOMINATION = "select n.*, n.claims::text as claims_json, n.claim_status::text as claim_status_json, "
            + "n.steps::text as steps_json, a.name as agency_name from projection.emulation_nomination n "
            + "left join projection.agency a on a.agency_id = n.agency_id";

    private CampaignView toCampaign(ResultSet rs, int i) throws SQLException {
        return new CampaignView(rs.getString("campaign_id"), rs.getString("title"), rs.getString("source"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                json.read(rs.getString("rounds"), ROUNDS), json.read(rs.getString("targets"), TARGETS), json.read(rs.getString("awards"), AWARDS),
                rs.getString("collective_standard"), rs.getString("individual_standard"), json.read(rs.getString("verifiers"), STRINGS));
    }

    private NominationView toNomination(ResultSet rs, int i) throws SQLException {
        return new NominationView(rs.getString("nomination_id"), rs.getString("campaign_id"), rs.getInt("round_number"), rs.getString("kind"),
                rs.getString("agency_id"), rs.getString("agency_name"), rs.getString("nominee_name"), rs.getString("nominee_position"),
                rs.getString("proposed_award"), rs.getString("self_assessment"), json.read(rs.getString("claims_json"), CLAIMS),
                json.read(rs.getString("claim_status_json"), CLAIM_STATUS), rs.getString("nominated_by"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("status"), json.read(rs.getString("steps_json"), JsonNode.class),
                rs.getString("award_form"), rs.getString("decision_number"), rs.getObject("decided_on", LocalDate.class),
                rs.getString("dossier_sha256"), rs.getLong("version"));
    }
}
