package vn.truc.platform.grant;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code truc.grants.*}.
 *
 * @param owners contract name to the code of the agency that decides on its grants, where it is not
 *     the owner the contract declares (a deployment in which a province's own data is shared)
 * @param watchIntervalMs how often deliveries are stopped or started to match their grants
 */
@ConfigurationProperties("truc.grants")
public record GrantProperties(
    @DefaultValue Map<String, String> owners, @DefaultValue("1000") long watchIntervalMs) {}
