package vn.tiendo.query.emulation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.emulation.CampaignTarget;
import vn.tiendo.events.emulation.Citation;
import vn.tiendo.events.emulation.Claim;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.query.audit.AnomalyDetector;
import vn.tiendo.query.emulation.EmulationViews.CampaignView;
import vn.tiendo.query.emulation.EmulationViews.CitedRecord;
import vn.tiendo.query.emulation.EmulationViews.ClaimDossier;
import vn.tiendo.query.emulation.EmulationViews.Dossier;
import vn.tiendo.query.emulation.EmulationViews.Frozen;
import vn.tiendo.query.emulation.EmulationViews.FrozenCheck;
import vn.tiendo.query.emulation.EmulationViews.FrozenIntegrity;
import vn.tiendo.query.emulation.EmulationViews.NominationView;
import vn.tiendo.query.emulation.EmulationViews.Reading;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.indicator.IndicatorView;
import vn.tiendo.query.status.StatusRules;
import vn.tiendo.query.task.TaskQueries;
import vn.tiendo.query.task.TaskView;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the dossier of a nomination from the projections (values, targets, statuses and report trails of every
 * cited period, at the round's date and at the asked moment) and the audit trail (anomaly flags); freezes it as
 * canonical JSON (object keys sorted, no spaces, ISO dates, plain decimals) whose SHA-256 the award decision carries.
 */
@Component
public class Dossiers {

    private final EmulationQueries emulation;
    private final IndicatorQueries indicators;
    private final TaskQueries tasks;
    private final AnomalyDetector anomalies;
    private final AsOf asOf;
    private final JdbcTemplate jdbc;
    private final ObjectMapper canonical;

    public Dossiers(EmulationQueries emulation, IndicatorQueries indicators, TaskQueries tasks, AnomalyDetector anomalies, AsOf asOf,
                    JdbcTemplate jdbc, ObjectMapper json) {
        this.emulation = emulation;
        this.indicators = indicators;
        this.tasks = tasks;
        this.anomalies = anomalies;
        this.asOf = asOf;
        this.jdbc = jdbc;
        this.canonical = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** The dossier as the platform shows it at {@code at} (now when {@link AsOf.Moment#NOW}). */
    public Dossier dossier(String nominationId, Scope scope, AsOf.Moment at) {
        NominationView nomination = emulation.nomination(nominationId, scope);
        CampaignView campaign = emulation.campaign(nomination.campaignId());
        LocalDate roundDate = campaign.round(nomination.round()).awardDate();
        // now: the projections' current state; otherwise what they showed at that moment
        Instant moment = at.isNow() ? asOf.now() : at.instant();
        AsOf.Moment atMoment = at;
        AsOf.Moment atRound = new AsOf.Moment(roundDate.plusDays(1).atStartOfDay(asOf.zone()).toInstant().minusMillis(1));
        List<ClaimDossier> claims = new ArrayList<>();
        for (Claim claim : nomination.claims()) {
            CampaignTarget target = campaign.target(claim.targetCode());
            List<CitedRecord> cited = new ArrayList<>();
            for (Citation citation : claim.citations()) {
                cited.add(cite(citation, target, atRound, atMoment, moment));
            }
            claims.add(new ClaimDossier(claim.claimId(), claim.targetCode(), target == null ? null : target.text(),
                    target == null || target.judgedOnEvidence(), claim.achievement(),
                    nomination.claimStatus().getOrDefault(claim.claimId(), "PENDING"), evidence(claim, nomination.steps(), moment), cited));
        }
        return new Dossier(nomination.nominationId(), campaign.campaignId(), campaign.title(), nomination.round(), roundDate, nomination.kind(),
                nomination.agencyId(), nomination.agencyName(), nomination.nomineeName(), nomination.nomineePosition(),
                nomination.proposedAward(), nomination.selfAssessment(), nomination.nominatedBy(), nomination.status(), claims,
                at.isNow() ? nomination.steps() : stepsUpTo(nomination.steps(), moment), moment);
    }

    /** Freezes the dossier as it stands now: stores its canonical bytes and answers their SHA-256. */
    public Frozen freeze(String nominationId, String member) {
        Dossier dossier = dossier(nominationId, Scope.ALL, AsOf.Moment.NOW);
        byte[] content = canonicalJson(dossier);
        String sha256 = sha256(content);
        jdbc.update("insert into audit.frozen_dossier (sha256, nomination_id, frozen_at, frozen_by, content) values (?, ?, ?, ?, ?) "
                + "on conflict (sha256) do nothing", sha256, nominationId, dossier.moment().atOffset(ZoneOffset.UTC), member, content);
        return new Frozen(nominationId, sha256, dossier.moment(), member);
    }

    /** The frozen dossier's bytes exactly as stored: the one the decision names when decided, else the latest. */
    public byte[] frozenContent(String nominationId, Scope scope) {
        NominationView nomination = emulation.nomination(nominationId, scope);
        List<byte[]> content = jdbc.query("select content from audit.frozen_dossier where nomination_id = ? "
                        + "order by (sha256 = ?) desc, frozen_at desc limit 1", (rs, i) -> rs.getBytes(1), nominationId,
                Objects.requireNonNullElse(nomination.dossierSha256(), ""));
        return content.stream().findFirst().orElseThrow(() -> new NotFound("frozen dossier of", nominationId));
    }

    /** Every frozen dossier of the nomination hashed again, and whether the decision's hash is one of them, intact. */
    public FrozenCheck check(String nominationId, Scope scope) {
        NominationView nomination = emulation.nomination(nominationId, scope);
        List<FrozenIntegrity> frozen = jdbc.query("select sha256, content, frozen_at, frozen_by from audit.frozen_dossier "
                + "where nomination_id = ? order by frozen_at", (rs, i) -> {
            String recomputed = sha256(rs.getBytes("content"));
            return new FrozenIntegrity(rs.getString("sha256"), recomputed, recomputed.equals(rs.getString("sha256")),
                    rs.getObject("frozen_at", OffsetDateTime.class).toInstant(), rs.getString("frozen_by"));
        }, nominationId);
        boolean matches = nomination.dossierSha256() != null && frozen.stream()
                .anyMatch(f -> f.intact() && f.sha256().equals(nomination.dossierSha256()));
        return new FrozenCheck(nominationId, nomination.dossierSha256(), frozen, matches);
    }

    private CitedRecord cite(Citation citation, CampaignTarget campaignTarget, AsOf.Moment atRound, AsOf.Moment atMoment, Instant moment) {
        String id = citation.recordId();
        List<AnomalyDetector.Anomaly> flags = anomalies.detect(id).stream()
                .filter(a -> atMoment.isNow() || !a.recordedAt().isAfter(moment)).toList();
        Period period;
        try {
            period = Period.parse(citation.period());
        } catch (RuntimeException e) {
            period = null;
        }
        IndicatorView.Status indicator = find(() -> indicators.get(id, null, atMoment));
        if (indicator != null && period != null) {
            Reading round = reading(id, period, campaignTarget, atRound);
            Reading now = reading(id, period, campaignTarget, atMoment);
            return new CitedRecord(citation, "INDICATOR", indicator.name(), indicator.leadAgencyId(), round, now, changed(round, now),
                    difference(round, now), flags);
        }
        TaskView task = find(() -> tasks.get(id, atMoment));
        if (task != null) {
            Reading round = taskReading(find(() -> tasks.get(id, atRound)));
            Reading now = taskReading(task);
            return new CitedRecord(citation, "TASK", task.content(), task.leadAgencyId(), round, now, changed(round, now),
                    difference(round, now), flags);
        }
        Reading none = Reading.notRecorded("NOT_RECORDED");
        return new CitedRecord(citation, null, null, null, none, none, false, null, flags);
    }

    private Reading reading(String indicatorId, Period period, CampaignTarget campaignTarget, AsOf.Moment at) {
        IndicatorView.Status indicator = find(() -> indicators.get(indicatorId, period, at));
        if (indicator == null) {
            return Reading.notRecorded("NOT_RECORDED");
        }
        return indicators.series(indicatorId, at).stream().filter(p -> p.period().equals(period.code())).findFirst()
                .map(p -> {
                    BigDecimal number = p.value() == null ? null : p.value().asNumber().orElse(null);
                    return new Reading(true, display(p.value()), number, p.targetInForce() == null ? null : p.targetInForce().asWritten(),
                            p.status().name(), StatusRules.meets(indicator.measure(), p.value(), p.targetInForce()).orElse(null),
                            meetsCampaign(number, campaignTarget), p.reportId(), p.reportedAt(), p.reportedBy(), p.approved(), p.approvedBy(),
                            p.approvedAt(), p.correctionCount(), p.lastCorrectedBy(), p.lastCorrectedAt(), p.lastCorrectionReason(), p.evidence());
                })
                .orElseGet(() -> Reading.notRecorded("NOT_REPORTED"));
    }

    private static Reading taskReading(TaskView task) {
        if (task == null) {
            return Reading.notRecorded("NOT_RECORDED");
        }
        return new Reading(true, task.percentComplete() + "%", BigDecimal.valueOf(task.percentComplete()), task.deadline() == null ? null
                : task.deadline().asWritten(), task.status().name(), null, null, task.lastReportId(), task.lastReportedAt(),
                task.lastReportedBy(), task.lastReportApproved(), null, null, 0, null, null, null, List.of());
    }

    /** A figure against the campaign's own target ("Trên 90%"), when both are numbers. */
    static Boolean meetsCampaign(BigDecimal number, CampaignTarget target) {
        if (number == null || target == null || target.value() == null || target.comparator() == null) {
            return null;
        }
        return target.comparator().holds(number.compareTo(target.value()));
    }

    /**
     * The record changed when what was recorded differs: the figure, its target, its corrections. A status alone may
     * differ because "today" moved on (on track then, behind now) and is not a change of the record.
     */
    private static boolean changed(Reading round, Reading now) {
        return round.recorded() != now.recorded() || !Objects.equals(round.value(), now.value())
                || !Objects.equals(round.target(), now.target()) || round.corrections() != now.corrections();
    }

    private static String difference(Reading round, Reading now) {
        if (!changed(round, now)) {
            return null;
        }
        return "at the round's date: " + (round.value() == null ? round.status() : round.value() + " against " + round.target())
                + "; at the moment asked: " + (now.value() == null ? now.status() : now.value() + " against " + now.target())
                + (now.corrections() > round.corrections() ? ", corrected since" : "");
    }

    private static String display(MeasuredValue value) {
        if (value == null) {
            return null;
        }
        return value.asNumber().map(BigDecimal::toPlainString).orElseGet(value::toString);
    }

    /** The claim's evidence: what the nomination brought, then what was supplied on request (recorded by the moment). */
    private List<EvidenceRef> evidence(Claim claim, JsonNode steps, Instant moment) {
        List<EvidenceRef> evidence = new ArrayList<>(claim.evidence());
        for (JsonNode step : steps) {
            if ("EVIDENCE_SUPPLIED".equals(step.path("step").asText()) && !Instant.parse(step.path("at").asText()).isAfter(moment)
                    && (step.path("claimId").isMissingNode() || step.path("claimId").isNull() || claim.claimId().equals(step.path("claimId").asText()))) {
                step.path("detail").forEach(e -> evidence.add(canonical.convertValue(e, EvidenceRef.class)));
            }
        }
        return evidence;
    }

    /** The steps recorded up to the moment. */
    private static JsonNode stepsUpTo(JsonNode steps, Instant moment) {
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode step : steps) {
            if (!Instant.parse(step.path("at").asText()).isAfter(moment)) {
                kept.add(step);
            }
        }
        return kept;
    }

    private interface Lookup<T> {
        T get();
    }

    private static <T> T find(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFound e) {
            return null;
        }
    }

    /** The dossier's canonical bytes: every object's keys sorted, so the same content always gives the same hash. */
    byte[] canonicalJson(Dossier dossier) {
        try {
            return canonical.writeValueAsString(sorted(canonical.valueToTree(dossier))).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                fields.put(name, sorted(node.get(name)));
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            fields.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> result.add(sorted(item)));
            return result;
        }
        return node;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
