package com.laundryconnect.realtime.localdev;

import com.laundryconnect.realtime.localdev.kafka.TopicCreator;
import com.laundryconnect.realtime.localdev.kafka.TopicPlan;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Creates every topic of the suite and its {@code .dlq} twin on a Kafka broker, if missing. Safe to run again. */
public final class CreateTopics {

    static final String USAGE = "usage: CreateTopics [BOOTSTRAP_SERVERS] [--partitions 3] [--dlq-partitions 1]\n"
            + "       BOOTSTRAP_SERVERS defaults to $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092";
    private static final Duration API_TIMEOUT = Duration.ofSeconds(30);

    private CreateTopics() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> environment) {
        String bootstrapServers;
        List<NewTopic> plan;
        try {
            Arguments arguments = Arguments.parse(args, Set.of("partitions", "dlq-partitions"));
            bootstrapServers = arguments.onlyPositional()
                    .or(() -> Optional.ofNullable(environment.get("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank()))
                    .orElse("localhost:9092");
            plan = TopicPlan.topics(arguments.positiveIntOption("partitions", 3),
                    arguments.positiveIntOption("dlq-partitions", 1));
        } catch (UsageException e) {
            System.err.println("CreateTopics: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-dev-create-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(API_TIMEOUT.toMillis())));
        try {
            List<NewTopic> created = new TopicCreator(admin).createMissing(plan);
            created.forEach(topic -> System.out.printf("created %s (%d partitions)%n",
                    topic.name(), topic.numPartitions()));
            System.out.printf("%d topics created, %d already existed, on %s%n",
                    created.size(), plan.size() - created.size(), bootstrapServers);
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                System.err.println("CreateTopics: no answer from Kafka at " + bootstrapServers + " within "
                        + API_TIMEOUT.toSeconds() + " s; is it running? (dev/kafka.sh start)");
            } else {
                System.err.println("CreateTopics: Kafka at " + bootstrapServers + " failed: " + e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("CreateTopics: interrupted");
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
        return 1;
    }
}
