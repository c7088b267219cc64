"""Which PBX this process talks to, from the process configuration."""

from __future__ import annotations

from app.config import Config
from integrations.telephony.base import TelephonyProvider
from integrations.telephony.mango import MangoClient


def provider_from_config(config: Config) -> TelephonyProvider | None:
    """The configured PBX client, or None when telephony is not configured (the console then
    disables dialling; demo mode passes ``DemoPbx.provider`` instead)."""
    if not (config.mango_api_key and config.mango_api_salt):
        return None
    return MangoClient(
        config.mango_api_key,
        config.mango_api_salt,
        config.mango_base_url,
        line_number=config.mango_line_number or None,
    )
