package vn.truc.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Trục: the data-sharing backbone. {@code java -jar truc.jar} starts the platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class TrucApplication {

  public static void main(String[] args) {
    SpringApplication.run(TrucApplication.class, args);
  }
}
