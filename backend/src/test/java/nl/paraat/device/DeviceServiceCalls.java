package nl.paraat.device;

import java.util.List;

/** The device service's calls behind the device endpoints, for tests that run them inside a transaction of their own. */
public final class DeviceServiceCalls {

    private DeviceServiceCalls() {
    }

    /** What {@code PUT /api/v1/devices/{id}} does: a new token, language and municipalities for the device. */
    public static void update(DeviceService devices, String deviceId, String secret, String pushToken, String locale,
                              List<String> areas, boolean testAlerts) {
        devices.update(deviceId, secret, new DeviceViews.Registration(pushToken, Platform.ANDROID, locale, areas, null,
                testAlerts));
    }
}
