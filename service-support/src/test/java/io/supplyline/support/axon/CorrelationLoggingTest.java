package io.supplyline.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class CorrelationLoggingTest {

    @Test
    void aHandlerLogsWithTheCorrelationIdOfItsMessageAndTheContextIsClearedAfterwards() throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage("picked").andMetaData(Map.of("correlationId", "order-4711"));
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);

        Object seen = new DefaultInterceptorChain<>(unitOfWork, List.of(new CorrelationLogging<>()),
                message -> MDC.get(CorrelationLogging.KEY)).proceed();
        unitOfWork.commit();

        assertThat(seen).isEqualTo("order-4711");
        assertThat(MDC.get(CorrelationLogging.KEY)).isNull();
    }
}
