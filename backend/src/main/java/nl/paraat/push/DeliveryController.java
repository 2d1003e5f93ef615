package nl.paraat.push;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.paraat.auth.Caller;

@Controller("/api/v1/admin/alerts/{id}/delivery")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeliveryController {

    private final DeliveryService deliveries;

    DeliveryController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Get
    Delivery delivery(@PathVariable long id, Authentication authentication) {
        return deliveries.delivery(id, Caller.of(authentication));
    }
}
