package vn.tiendo.query.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/** What the end-to-end suites share: commands that must be taken, and records of Decision 1305 as the API takes them. */
final class Fixtures {

    private Fixtures() {
    }

    /** The command was taken and made something new (201). */
    static Http.Response created(Http.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        return response;
    }

    /** The command was taken (200 or 201). */
    static Http.Response accepted(Http.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isBetween(200, 201);
        return response;
    }

    /** An indicator of Decision 1305 measured in percent, with its targets for 2025 (≥ 60%) and 2030 (100%). */
    static String indicator(String code, String name, String lead, String monitoring) {
        return """
                {"indicatorId":"QD-1305-2025.%1$s","planId":"QD-1305-2025","code":"%1$s","name":"%2$s","unit":"%%",
                 "measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":60},"asWritten":"≥ 60%%"},
                            {"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"100%%"}],
                 "leadAgencyId":"%3$s","monitoringAgencyId":"%4$s"}""".formatted(code, name, lead, monitoring);
    }

    /** A standing task ("Thường xuyên") of Decision 1305's appendix II. */
    static String task(String number, String content, String lead) {
        return """
                {"taskId":"QD-1305-2025.NV-%s","planId":"QD-1305-2025","content":"%s","leadAgencyId":"%s",
                 "deadline":{"recurrence":"ONGOING","asWritten":"Thường xuyên"}}""".formatted(number, content, lead);
    }
}
