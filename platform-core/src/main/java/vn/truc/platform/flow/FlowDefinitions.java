package vn.truc.platform.flow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.core.io.Resource;

/**
 * A file of connector and subscription definitions. The same shape is what the REST API and the CLI
 * will accept, so a definition can move between a file and the registry unchanged.
 */
public record FlowDefinitions(
    List<ConnectorDefinition> connectors, List<SubscriptionDefinition> subscriptions) {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public FlowDefinitions {
    connectors = connectors == null ? List.of() : List.copyOf(connectors);
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
  }

  /**
   * Reads definitions, resolving ${...} placeholders first (ports, passwords from the environment)
   * so that secrets need not be written into the file.
   */
  public static FlowDefinitions read(List<Resource> resources, UnaryOperator<String> placeholders) {
    List<ConnectorDefinition> connectors = new ArrayList<>();
    List<SubscriptionDefinition> subscriptions = new ArrayList<>();
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        String text = placeholders.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        FlowDefinitions d = YAML.readValue(text, FlowDefinitions.class);
        connectors.addAll(d.connectors());
        subscriptions.addAll(d.subscriptions());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read flow definitions " + resource, e);
      }
    }
    return new FlowDefinitions(connectors, subscriptions);
  }
}
