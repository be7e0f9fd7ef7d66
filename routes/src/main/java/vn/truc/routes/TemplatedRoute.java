package vn.truc.routes;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

/**
 * One route of a flow, to be created from one of the {@link TrucRouteTemplates}: the template, the
 * route's id, its parameters and its local beans (the flow's own step objects, visible to this
 * route only).
 */
public record TemplatedRoute(
    String templateId, String routeId, Map<String, String> parameters, Map<String, Object> beans) {

  public TemplatedRoute {
    parameters = Map.copyOf(parameters);
    beans = Map.copyOf(new LinkedHashMap<>(beans));
  }

  /**
   * Creates the route in {@code camel}; a running context starts it at once unless the route's
   * {@code autoStartup} parameter is false.
   *
   * @return the id of the route created
   */
  public String addTo(CamelContext camel) {
    TemplatedRouteBuilder builder =
        TemplatedRouteBuilder.builder(camel, templateId).routeId(routeId);
    parameters.forEach(builder::parameter);
    beans.forEach(builder::bean);
    return builder.add();
  }
}
