"""PBX integrations: the provider interface (:mod:`.base`), Mango Office VPBX (:mod:`.mango`,
:mod:`.mango_events`) and a loopback Mango emulator for tests and demo mode (:mod:`.emulator`)."""
