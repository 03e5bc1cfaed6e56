package org.vigil.device.importing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.device.DeviceBulkOperations;

/**
 * Until the device register (engineer REGISTER's facade) is merged, tests run against {@link InMemoryDeviceRegister}.
 * Once a real {@link DeviceBulkOperations} bean exists this one steps aside; the integrator then deletes this class and
 * points the import tests at the real register.
 */
@Configuration(proxyBeanMethods = false)
public class InMemoryDeviceRegisterConfiguration {

    @Bean
    @ConditionalOnMissingBean(DeviceBulkOperations.class)
    InMemoryDeviceRegister inMemoryDeviceRegister() {
        return new InMemoryDeviceRegister();
    }
}
