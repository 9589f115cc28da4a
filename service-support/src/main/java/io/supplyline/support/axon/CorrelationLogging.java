package io.supplyline.support.axon;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jboss.logging.MDC;

/**
 * Puts the business conversation a message belongs to ({@code correlationId} in its metadata) into
 * the logging context while a processor handles it, so each log line of a projection, process or
 * the relay names the HTTP command it started from (a JSON log carries it as a field).
 */
public final class CorrelationLogging<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    public static final String KEY = "correlationId";

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(KEY);
        if (correlationId == null) {
            return chain.proceed();
        }
        Object previous = MDC.get(KEY);
        MDC.put(KEY, correlationId.toString());
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }
}
