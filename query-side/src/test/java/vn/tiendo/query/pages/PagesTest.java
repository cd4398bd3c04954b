package vn.tiendo.query.pages;

import org.junit.jupiter.api.Test;
import vn.tiendo.query.web.NotFound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ids from a page's path go into calls to the command side only in the API's own alphabet. */
class PagesTest {

    @Test
    void anIdThatCouldTurnTheCallIntoAnotherIsNotFound() {
        assertThat(Pages.requireId("a1-2025-12")).isEqualTo("a1-2025-12");
        assertThat(Pages.requireId("QD-1305-2025.NV-1")).isEqualTo("QD-1305-2025.NV-1");
        for (String forged : new String[]{"x?dryRun=false", "x#y", "../tasks/QD-1305-2025.NV-1/completion", "a/b", "", " c1", "c1\u0000"}) {
            assertThatThrownBy(() -> Pages.requireId(forged)).as(forged).isInstanceOf(NotFound.class);
        }
        assertThatThrownBy(() -> Pages.requireId(null)).isInstanceOf(NotFound.class);
    }
}
