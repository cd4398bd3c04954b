package vn.tiendo.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Keeps one event a projection cannot apply (PostgreSQL refusing a value, say) from holding up the others.
 * <p>
 * While a processor's batches go well ({@link BatchedAppends#batching()}), handlers run straight in the batch's
 * transaction: a savepoint per event would cost two more round trips each, the most a replay of millions of events
 * spends after its own statements. When a handler fails there, its batch is failed as a whole — the rows it appended
 * are taken back, and the batch cannot commit even if the event was parked, since the handler's own writes up to
 * the failure could not be told apart — and the processor applies the batch again.
 * <p>
 * From then on, for a while ({@link BatchedAppends}), every handler runs inside a savepoint: when one fails, its
 * writes are rolled back to the savepoint and the transaction stays usable, so the event is parked in the dead-letter
 * table in the same transaction and the batch goes on. Without that PostgreSQL aborts the whole transaction, the
 * processor retries the same event forever and every later event of its segment waits.
 */
@Component
public class EventHandlerIsolation implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;
    private final BatchedAppends appends;

    public EventHandlerIsolation(PlatformTransactionManager transactions, BatchedAppends appends) {
        this.appends = appends;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return appends.batching() ? inBatch(original, message, target) : inSavepoint(original, message, target);
            }
        };
    }

    private <T> Object inBatch(MessageHandlingMember<T> handler, Message<?> message, T target) throws Exception {
        int appended = appends.mark();
        try {
            return handler.handle(message, target);
        } catch (Exception | Error e) {
            appends.failBatch(appended, e);
            throw e;
        }
    }

    private <T> Object inSavepoint(MessageHandlingMember<T> handler, Message<?> message, T target) throws Exception {
        int appended = appends.mark();
        try {
            return savepoint.execute(status -> {
                try {
                    return handler.handle(message, target);
                } catch (Exception e) {
                    throw new HandlerFailed(e);
                }
            });
        } catch (RuntimeException failed) {
            appends.rollbackTo(appended); // the rows it appended for the end of the batch go with its writes
            throw failed instanceof HandlerFailed handlerFailed ? handlerFailed.cause : failed;
        }
    }

    /** Carries a checked exception through the template, which rolls back to the savepoint on runtime exceptions. */
    private static final class HandlerFailed extends RuntimeException {
        private final Exception cause;

        HandlerFailed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
