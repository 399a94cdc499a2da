package io.eventgate.orders.inbox;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** How the inbox listener polls and acknowledges. */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    /**
     * Replaces Spring Cloud AWS's default factory. A message is deleted only after it was handled without an
     * exception, and at once: batched deletes can arrive after the visibility timeout, when the receipt handle is
     * stale, and the message would be delivered again for nothing.
     */
    @Bean
    SqsMessageListenerContainerFactory<Object> defaultSqsListenerContainerFactory(SqsAsyncClient sqs,
            InboxSettings settings) {
        return SqsMessageListenerContainerFactory.builder()
                .sqsAsyncClient(sqs)
                .configure(options -> options
                        .acknowledgementMode(AcknowledgementMode.ON_SUCCESS)
                        .acknowledgementInterval(Duration.ZERO)
                        .acknowledgementThreshold(0)
                        .pollTimeout(settings.pollTimeout()))
                .build();
    }
}
