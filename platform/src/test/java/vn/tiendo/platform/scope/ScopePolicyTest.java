package vn.tiendo.platform.scope;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopePolicyTest {

    /** Sở Nội vụ with one unit below it; the tree comes from the service's own table in the real policy. */
    private final ScopePolicy policy = new ScopePolicy(agency -> Map.of(
            "so-noi-vu", List.of("so-noi-vu", "ban-thi-dua-khen-thuong")).getOrDefault(agency, List.of(agency)));

    @Test
    void anOfficerSeesAndActsOnTheirOwnAgencyOnly() {
        Scope scope = policy.scopeOf(new PlatformUser("can-bo.so-noi-vu", "so-noi-vu", Set.of(Role.OFFICER)));
        assertThat(scope.isAll()).isFalse();
        assertThat(scope.sqlArray()).containsExactly("so-noi-vu");
        assertThat(scope.includes("ban-thi-dua-khen-thuong")).isFalse();
    }

    @Test
    void aHeadAlsoCoversTheAgenciesBelow() {
        Scope scope = policy.scopeOf(new PlatformUser("lanh-dao.so-noi-vu", "so-noi-vu", Set.of(Role.HEAD)));
        assertThat(scope.sqlArray()).containsExactly("ban-thi-dua-khen-thuong", "so-noi-vu");
    }

    @Test
    void theCoordinatorAuditorAndCouncilCoverEveryAgency() {
        for (Role role : List.of(Role.COORDINATOR, Role.AUDITOR, Role.COUNCIL, Role.ADMIN)) {
            assertThat(policy.scopeOf(new PlatformUser("x", "so-khcn", Set.of(role))).isAll()).as(role.name()).isTrue();
        }
    }

    @Test
    void anOfficerWithoutAnAgencyCoversNothing() {
        Scope scope = policy.scopeOf(new PlatformUser("x", null, Set.of(Role.OFFICER)));
        assertThat(scope.includes("so-noi-vu")).isFalse();
        assertThat(scope.toMetadata()).isEmpty();
        assertThat(Scope.fromMetadata("").includes("so-noi-vu")).isFalse();
    }

    @Test
    void seeingNeedsAnyInvolvedAgencyActingNeedsTheLead() {
        Scope scope = Scope.of(Set.of("so-noi-vu"));
        assertThat(scope.includesAny(List.of("so-khcn", "so-noi-vu"))).isTrue();
        assertThatThrownBy(() -> scope.requireActsOn("so-khcn", "QD-1305-2025.A.1"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("QD-1305-2025.A.1 is led by so-khcn, outside the sender's scope");
    }

    @Test
    void theMetadataFormRoundTrips() {
        Scope scope = Scope.of(Set.of("so-noi-vu", "ban-thi-dua-khen-thuong"));
        assertThat(scope.toMetadata()).isEqualTo("ban-thi-dua-khen-thuong,so-noi-vu");
        assertThat(Scope.fromMetadata(scope.toMetadata()).sqlArray()).containsExactly(scope.sqlArray());
        assertThat(Scope.fromMetadata(null).isAll()).isTrue();
        assertThat(Scope.ALL.toMetadata()).isNull();
    }

    @Test
    void headsAndTheCoordinatorReportApprovedOfficersSendDrafts() {
        assertThat(ScopePolicy.reportApprovedAsSent(new PlatformUser("a", "so-noi-vu", Set.of(Role.OFFICER)))).isFalse();
        assertThat(ScopePolicy.reportApprovedAsSent(new PlatformUser("b", "so-noi-vu", Set.of(Role.HEAD)))).isTrue();
        assertThat(ScopePolicy.reportApprovedAsSent(new PlatformUser("c", "so-khcn", Set.of(Role.COORDINATOR)))).isTrue();
    }
}
