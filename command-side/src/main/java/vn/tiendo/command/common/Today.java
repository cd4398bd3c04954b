package vn.tiendo.command.common;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" for the rules about dates: the province's calendar day on the clock Axon stamps events with. */
public final class Today {

    public static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Today() {
    }

    public static LocalDate date() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), PROVINCE);
    }
}
