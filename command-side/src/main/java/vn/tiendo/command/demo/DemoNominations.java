package vn.tiendo.command.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.command.emulation.EmulationCommands.ProposeAward;
import vn.tiendo.command.emulation.EmulationCommands.RejectClaim;
import vn.tiendo.command.emulation.EmulationCommands.RejectNomination;
import vn.tiendo.command.emulation.EmulationCommands.RequestEvidence;
import vn.tiendo.command.emulation.EmulationCommands.StartReview;
import vn.tiendo.command.emulation.EmulationCommands.SubmitNomination;
import vn.tiendo.command.emulation.EmulationCommands.VerifyClaim;
import vn.tiendo.command.emulation.EmulationCommands.VerifyNomination;
import vn.tiendo.command.emulation.EmulationController.LaunchCampaignRequest;
import vn.tiendo.command.emulation.EmulationController.RoundRequest;
import vn.tiendo.command.emulation.EmulationController.TargetRequest;
import vn.tiendo.events.emulation.Citation;
import vn.tiendo.events.emulation.Claim;
import vn.tiendo.events.emulation.NomineeKind;
import vn.tiendo.events.emulation.Round;
import vn.tiendo.events.indicator.IndicatorProgressCorrected;
import vn.tiendo.events.indicator.IndicatorProgressReported;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The council's demo work on the 2026 movement. Round 1: four agencies nominated in September 2025, each claim
 * stating a figure for a DTI 2025 indicator (the only plan with figures before Decision 1305 came in October);
 * the council compares each claimed figure with the one recorded: Trung tâm Phục vụ hành chính công claims more than
 * it reported and is rejected, naming its report; Công an tỉnh and Trung tâm CNTT&TT are verified and proposed for
 * awards; Tỉnh Đoàn is asked for more evidence. Round 2: Sở Nội vụ and Công an tỉnh nominated in 2026, one under
 * review. Members: Sở KH&CN's, except for its own division, which Sở Nội vụ's member judges. No names.
 */
final class DemoNominations {

    /** Sends a command as the demo actor of an agency, with a role suffix ("hoi-dong"), and a reason. */
    interface Sender {
        void send(Object command, String agencyId, String role, String reason);
    }

    /** What the timeline takes: something done on a day. */
    interface Timeline {
        void on(LocalDate day, Runnable action);
    }

    private static final String DTI = CatalogFiles.DTI + ".";
    private static final String STRATEGY = CatalogFiles.STRATEGY + ".";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Sender sender;
    private final LaunchCampaignRequest campaign;
    private final Map<String, Claim> claims = new HashMap<>();
    private final Set<String> verified = new HashSet<>();

    DemoNominations(JdbcTemplate jdbc, ObjectMapper json, Sender sender, LaunchCampaignRequest campaign) {
        this.jdbc = jdbc;
        this.json = json;
        this.sender = sender;
        this.campaign = campaign;
    }

    void play(Timeline timeline) {
        // round 1
        timeline.on(LocalDate.of(2025, 9, 12), () -> {
            nominate(1, "van-phong-ubnd.trung-tam-phvcc", "TD.8", DTI + "6.4", "2025-07", "Dịch vụ công trực tuyến toàn trình đạt 100%",
                    BigDecimal.valueOf(100));
            nominate(1, "cong-an-tinh", "TD.18", DTI + "5.2", "2025-07", null, null);
            nominate(1, "tinh-doan", "TD.17", DTI + "8.2", "2025-07", null, null);
            nominate(1, "so-khcn.trung-tam-cntt", "TD.18", DTI + "5.1", "2025-07", null, null);
        });
        timeline.on(LocalDate.of(2025, 9, 22), () -> {
            judge(1, "van-phong-ubnd.trung-tam-phvcc", "so-khcn");
            judge(1, "cong-an-tinh", "so-khcn");
            judge(1, "so-khcn.trung-tam-cntt", "so-noi-vu");
            String tinhDoan = id(1, "tinh-doan");
            sender.send(new StartReview(tinhDoan, null), "so-khcn", "hoi-dong", null);
            String what = "Danh sách thành viên Tổ công nghệ số cộng đồng đã hướng dẫn người dân đăng ký chữ ký số";
            sender.send(new RequestEvidence(tinhDoan, null, "c1", what), "so-khcn", "hoi-dong", what);
        });
        timeline.on(LocalDate.of(2025, 9, 25), () -> {
            conclude(1, "van-phong-ubnd.trung-tam-phvcc", "so-khcn", null);
            conclude(1, "cong-an-tinh", "so-khcn", "BANG_KHEN");
            conclude(1, "so-khcn.trung-tam-cntt", "so-noi-vu", "GIAY_KHEN");
        });
        // round 2: in progress
        timeline.on(LocalDate.of(2026, 8, 14), () -> {
            nominate(2, "so-noi-vu", "TD.2", STRATEGY + "B.6", "2026-06", null, null);
            nominate(2, "cong-an-tinh", "TD.18", STRATEGY + "C.40", "2026-06", null, null);
        });
        timeline.on(LocalDate.of(2026, 9, 25), () -> sender.send(new StartReview(id(2, "cong-an-tinh"), null), "so-khcn", "hoi-dong", null));
    }

    /** A collective nomination with one claim citing one report; the claimed figure is the one recorded unless given. */
    private void nominate(int round, String agencyId, String target, String indicatorId, String period, String achievement, BigDecimal claimed) {
        Optional<BigDecimal> recorded = recorded(indicatorId, period);
        BigDecimal figure = claimed != null ? claimed : recorded.orElse(null);
        String text = achievement != null ? achievement : figure == null ? "Triển khai " + target + " theo kế hoạch"
                : "Đạt " + figure.stripTrailingZeros().toPlainString() + "% (" + target + ", kỳ " + period + ")";
        Claim claim = new Claim("c1", target, text, List.of(new Citation(indicatorId, period)), List.of());
        claims.put(id(round, agencyId), claim);
        sender.send(new SubmitNomination(id(round, agencyId), campaign.campaignId(), round(round),
                campaign.targets().stream().map(TargetRequest::code).toList(), NomineeKind.COLLECTIVE, agencyId, null, null,
                round == 1 ? "BANG_KHEN" : "GIAY_KHEN", "Tự đánh giá: hoàn thành tốt nhiệm vụ chuyển đổi số được giao (dữ liệu mẫu)",
                List.of(claim)), agencyId, null, null);
    }

    /** The council compares the figure claimed with the one recorded for the cited period. */
    private void judge(int round, String agencyId, String memberAgency) {
        String nominationId = id(round, agencyId);
        sender.send(new StartReview(nominationId, null), memberAgency, "hoi-dong", null);
        Claim claim = claims.get(nominationId);
        Citation cited = claim.citations().get(0);
        Optional<BigDecimal> recorded = recorded(cited.recordId(), cited.period());
        String claimedFigure = claim.achievement().replaceAll("[^0-9.]+", " ").trim().split(" ")[0];
        if (recorded.isPresent() && !claimedFigure.isEmpty() && new BigDecimal(claimedFigure).compareTo(recorded.get()) <= 0) {
            String reason = "Số liệu đã báo cáo kỳ " + cited.period() + " là " + recorded.get().stripTrailingZeros().toPlainString()
                    + "%, khớp với thành tích đề nghị";
            sender.send(new VerifyClaim(nominationId, null, "c1", reason), memberAgency, "hoi-dong", reason);
            verified.add(nominationId);
        } else {
            String reason = recorded.map(v -> "Báo cáo kỳ " + cited.period() + " ghi nhận " + v.stripTrailingZeros().toPlainString()
                    + "%, thấp hơn số liệu đề nghị").orElse("Không có số liệu báo cáo cho kỳ " + cited.period());
            sender.send(new RejectClaim(nominationId, null, "c1", reason, cited), memberAgency, "hoi-dong", reason);
        }
    }

    private void conclude(int round, String agencyId, String memberAgency, String award) {
        String nominationId = id(round, agencyId);
        if (verified.contains(nominationId)) {
            sender.send(new VerifyNomination(nominationId, null, "Thành tích được số liệu đã báo cáo xác nhận"), memberAgency, "hoi-dong", null);
            sender.send(new ProposeAward(nominationId, null, award, "Đề nghị khen thưởng đợt 1"), memberAgency, "hoi-dong", null);
        } else {
            String reason = "Thành tích đề nghị không khớp với số liệu đã báo cáo";
            sender.send(new RejectNomination(nominationId, null, reason), memberAgency, "hoi-dong", reason);
        }
    }

    private String id(int round, String agencyId) {
        return campaign.campaignId() + ".dot-" + round + "." + agencyId;
    }

    private Round round(int number) {
        RoundRequest r = campaign.rounds().get(number - 1);
        return new Round(r.number(), r.name(), r.occasion(), r.opensOn(), r.closesOn(), r.awardDate());
    }

    /** The figure recorded for a period: its report, or its latest correction. */
    private Optional<BigDecimal> recorded(String indicatorId, String period) {
        BigDecimal value = null;
        for (String payload : jdbc.queryForList("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                        + "where aggregate_identifier = ? and payload_type in (?, ?) order by sequence_number", String.class,
                indicatorId, IndicatorProgressReported.class.getName(), IndicatorProgressCorrected.class.getName())) {
            JsonNode event = read(payload);
            if (period.equals(event.path("period").asText())) {
                JsonNode v = event.has("newValue") ? event.path("newValue") : event.path("value");
                value = v.has("value") ? v.get("value").decimalValue() : value;
            }
        }
        return Optional.ofNullable(value);
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
