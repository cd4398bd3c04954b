package vn.tiendo.command.emulation;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tiendo.command.common.Today;
import vn.tiendo.command.emulation.EmulationCommands.DecideAward;
import vn.tiendo.command.emulation.EmulationCommands.ProposeAward;
import vn.tiendo.command.emulation.EmulationCommands.RequestEvidence;
import vn.tiendo.command.emulation.EmulationCommands.StartReview;
import vn.tiendo.command.emulation.EmulationCommands.SubmitNomination;
import vn.tiendo.command.emulation.EmulationCommands.SupplyEvidence;
import vn.tiendo.command.emulation.EmulationCommands.VerifyClaim;
import vn.tiendo.command.emulation.EmulationCommands.VerifyNomination;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.emulation.AwardDecided;
import vn.tiendo.events.emulation.AwardProposed;
import vn.tiendo.events.emulation.Citation;
import vn.tiendo.events.emulation.Claim;
import vn.tiendo.events.emulation.ClaimRejected;
import vn.tiendo.events.emulation.ClaimVerified;
import vn.tiendo.events.emulation.EvidenceRequested;
import vn.tiendo.events.emulation.EvidenceSupplied;
import vn.tiendo.events.emulation.NominationReviewStarted;
import vn.tiendo.events.emulation.NominationSubmitted;
import vn.tiendo.events.emulation.NominationVerified;
import vn.tiendo.events.emulation.NomineeKind;
import vn.tiendo.events.emulation.Round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static vn.tiendo.command.common.Refusals.conflict;
import static vn.tiendo.command.common.Refusals.violation;

/** A nomination of Sở Nội vụ in round 1 of the 2026 digital-transformation movement, and its verification step by step. */
class NominationTest {

    private static final Round ROUND_1 = new Round(1, "Khen thưởng đợt 1", "Ngày chuyển đổi số 10/10/2025",
            LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 10));
    private static final List<String> TARGETS = List.of("TD.1", "TD.2");
    private static final Claim TRAINED_COMMUNES = new Claim("c1", "TD.1", "Bồi dưỡng kỹ năng số căn bản cho cán bộ cấp xã",
            List.of(new Citation("QD-1305-2025.B.5", "2025-08")), List.of());
    private static final Claim TRAINED_PROVINCE = new Claim("c2", "TD.2", "Bồi dưỡng kỹ năng số căn bản cho cán bộ cấp tỉnh",
            List.of(new Citation("QD-1305-2025.B.6", "2025-08")), List.of());
    private static final NominationSubmitted SUBMITTED = new NominationSubmitted("n1", "PT-CDS-2026", 1, NomineeKind.COLLECTIVE, "so-noi-vu",
            null, null, "BANG_KHEN", "Tự đánh giá: hoàn thành xuất sắc", List.of(TRAINED_COMMUNES, TRAINED_PROVINCE), "lanh-dao.so-noi-vu");
    private static final MetaData HEAD = MetaData.with(MetadataKeys.ACTOR, "lanh-dao.so-noi-vu");
    private static final MetaData MEMBER = MetaData.with(MetadataKeys.ACTOR, "hoi-dong.so-khcn");
    private static final String HASH = "ab".repeat(32);

    private AggregateTestFixture<Nomination> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Nomination.class);
    }

    private static SubmitNomination submit(List<Claim> claims) {
        return new SubmitNomination("n1", "PT-CDS-2026", ROUND_1, TARGETS, NomineeKind.COLLECTIVE, "so-noi-vu", null, null, "BANG_KHEN",
                "Tự đánh giá: hoàn thành xuất sắc", claims);
    }

    private static Instant day(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(9, 0).atZone(Today.PROVINCE).toInstant();
    }

    @Test
    void nominationsAreTakenOnlyWhileTheRoundIsOpen() {
        fixture.givenCurrentTime(day(2025, 9, 10)).when(submit(List.of(TRAINED_COMMUNES, TRAINED_PROVINCE)), HEAD).expectEvents(SUBMITTED);
        fixture.givenCurrentTime(day(2025, 10, 1)).when(submit(List.of(TRAINED_COMMUNES)), HEAD)
                .expectException(violation("round", "closed on 2025-09-30"));
        fixture.givenCurrentTime(day(2025, 8, 31)).when(submit(List.of(TRAINED_COMMUNES)), HEAD)
                .expectException(violation("round", "open on 2025-09-01"));
    }

    @Test
    void eachClaimNamesATargetOfTheCampaignAndRestsOnSomething() {
        Claim unknownTarget = new Claim("c1", "TD.99", "?", List.of(new Citation("QD-1305-2025.B.5", "2025-08")), List.of());
        fixture.givenCurrentTime(day(2025, 9, 10)).when(submit(List.of(unknownTarget)), HEAD)
                .expectException(violation("claims[0].targetCode", "no target TD.99"));
        Claim bare = new Claim("c1", "TD.1", "Bồi dưỡng", List.of(), List.of());
        fixture.givenCurrentTime(day(2025, 9, 10)).when(submit(List.of(bare)), HEAD)
                .expectException(violation("claims[0]", "cites a record or brings evidence"));
        fixture.givenCurrentTime(day(2025, 9, 10)).when(submit(List.of(TRAINED_COMMUNES, TRAINED_COMMUNES)), HEAD)
                .expectException(violation("claims[1].claimId", "listed twice"));
    }

    @Test
    void stepsComeInTheirOrder() {
        fixture.given(SUBMITTED).when(new VerifyClaim("n1", null, "c1", "đúng"), MEMBER)
                .expectException(conflict("n1 is SUBMITTED, not UNDER_REVIEW"));
        NominationReviewStarted review = new NominationReviewStarted("n1", "hoi-dong.so-khcn");
        fixture.given(SUBMITTED, review).when(new VerifyNomination("n1", null, "đạt"), MEMBER)
                .expectException(conflict("claims [c1, c2] are not judged yet"));
        ClaimRejected rejected = new ClaimRejected("n1", "c1", "hoi-dong.so-khcn", "báo cáo 72% < 80%", new Citation("QD-1305-2025.B.5", "2025-08"));
        fixture.given(SUBMITTED, review, rejected).when(new VerifyClaim("n1", null, "c1", "đúng"), MEMBER)
                .expectException(conflict("claim c1 is already REJECTED"));
        ClaimRejected bothRejected = new ClaimRejected("n1", "c2", "hoi-dong.so-khcn", "không có số liệu", null);
        fixture.given(SUBMITTED, review, rejected, bothRejected).when(new VerifyNomination("n1", null, "đạt"), MEMBER)
                .expectException(conflict("no claim of n1 is verified"));
        fixture.given(SUBMITTED, review).when(new DecideAward("n1", null, "123/QĐ-UBND", LocalDate.of(2025, 10, 10), "BANG_KHEN", HASH), MEMBER)
                .expectException(conflict("n1 is UNDER_REVIEW, not AWARD_PROPOSED"));
    }

    @Test
    void fromSubmissionToAwardEachStepNamesTheMember() {
        NominationReviewStarted review = new NominationReviewStarted("n1", "hoi-dong.so-khcn");
        fixture.given(SUBMITTED).when(new StartReview("n1", null), MEMBER).expectEvents(review);
        EvidenceRequested request = new EvidenceRequested("n1", "c2", "hoi-dong.so-khcn", "Danh sách cán bộ đã được bồi dưỡng");
        fixture.given(SUBMITTED, review).when(new RequestEvidence("n1", null, "c2", "Danh sách cán bộ đã được bồi dưỡng"), MEMBER)
                .expectEvents(request);
        List<EvidenceRef> list = List.of(new EvidenceRef("45/BC-SNV", LocalDate.of(2025, 9, 20), "Sở Nội vụ", "Danh sách bồi dưỡng", null, null));
        EvidenceSupplied supplied = new EvidenceSupplied("n1", "c2", list, "bổ sung", "lanh-dao.so-noi-vu");
        fixture.given(SUBMITTED, review, request).when(new SupplyEvidence("n1", null, "c2", list, "bổ sung"), HEAD).expectEvents(supplied);
        ClaimRejected rejected = new ClaimRejected("n1", "c1", "hoi-dong.so-khcn", "báo cáo 72% < 80%", new Citation("QD-1305-2025.B.5", "2025-08"));
        ClaimVerified verified = new ClaimVerified("n1", "c2", "hoi-dong.so-khcn", "báo cáo 100%");
        NominationVerified nominationVerified = new NominationVerified("n1", "hoi-dong.so-khcn", "một thành tích được xác nhận");
        fixture.given(SUBMITTED, review, request, supplied, rejected, verified)
                .when(new VerifyNomination("n1", null, "một thành tích được xác nhận"), MEMBER).expectEvents(nominationVerified);
        AwardProposed proposed = new AwardProposed("n1", "BANG_KHEN", "hoi-dong.so-khcn", "đề nghị");
        fixture.given(SUBMITTED, review, request, supplied, rejected, verified, nominationVerified)
                .when(new ProposeAward("n1", null, "BANG_KHEN", "đề nghị"), MEMBER).expectEvents(proposed);
        fixture.given(SUBMITTED, review, request, supplied, rejected, verified, nominationVerified, proposed)
                .when(new DecideAward("n1", null, "123/QĐ-UBND", LocalDate.of(2025, 10, 10), "BANG_KHEN", "not-a-hash"), MEMBER)
                .expectException(violation("dossierSha256", "SHA-256 of the frozen dossier"));
        fixture.given(SUBMITTED, review, request, supplied, rejected, verified, nominationVerified, proposed)
                .when(new DecideAward("n1", null, "123/QĐ-UBND", LocalDate.of(2025, 10, 10), "BANG_KHEN", HASH), MEMBER)
                .expectEvents(new AwardDecided("n1", "123/QĐ-UBND", LocalDate.of(2025, 10, 10), "BANG_KHEN", HASH, "hoi-dong.so-khcn"));
    }
}
