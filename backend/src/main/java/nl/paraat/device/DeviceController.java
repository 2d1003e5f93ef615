package nl.paraat.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

/** Anonymous registration of residents' phones; later calls carry the device's secret. */
@Controller("/api/v1/devices")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeviceController {

    static final String SECRET_HEADER = "X-Device-Secret";

    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    @Post
    HttpResponse<DeviceViews.Registered> register() {
        return HttpResponse.created(devices.register());
    }

    @Get("/{id}")
    DeviceViews.View get(@PathVariable String id, @Header(SECRET_HEADER) @Nullable String secret) {
        return devices.get(id, secret);
    }

    @Put("/{id}")
    DeviceViews.View update(@PathVariable String id, @Header(SECRET_HEADER) @Nullable String secret,
                            @Body @Valid DeviceViews.Registration registration) {
        return devices.update(id, secret, registration);
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@PathVariable String id, @Header(SECRET_HEADER) @Nullable String secret) {
        devices.delete(id, secret);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }
}
