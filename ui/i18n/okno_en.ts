<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BusinessSettingsDialog</name>
    <message numerus="yes">
        <source>Saved: %n setting(s)</source>
        <translation>
            <numerusform>Saved: %n setting</numerusform>
            <numerusform>Saved: %n settings</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished">Save</translation>
    </message>
</context>
<context>
    <name>CallBox</name>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>(+%1 more with this number)</source>
        <translation>(+%1 more with this number)</translation>
    </message>
    <message>
        <source>About order %1</source>
        <translation>About order %1</translation>
    </message>
    <message>
        <source>Open orders: %1</source>
        <translation>Open orders: %1</translation>
    </message>
    <message>
        <source>No open orders</source>
        <translation>No open orders</translation>
    </message>
    <message>
        <source>Incoming calls show the caller here before you answer.</source>
        <translation>Incoming calls show the caller here before you answer.</translation>
    </message>
    <message>
        <source>Unknown number: the new-customer form is ready.</source>
        <translation>Unknown number: the new-customer form is ready.</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Open the caller&apos;s profile</source>
        <translation>Open the caller&apos;s profile</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>New customer…</translation>
    </message>
    <message>
        <source>Nobody has this number: create the customer with it</source>
        <translation>Nobody has this number: create the customer with it</translation>
    </message>
</context>
<context>
    <name>CallLists</name>
    <message>
        <source>Open a customer to see their calls.</source>
        <translation>Open a customer to see their calls.</translation>
    </message>
    <message>
        <source>Open an order to see its calls.</source>
        <translation>Open an order to see its calls.</translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation>No calls yet.</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Callbacks</translation>
    </message>
    <message>
        <source>No missed calls to return.</source>
        <translation>No missed calls to return.</translation>
    </message>
    <message>
        <source>Choose a missed call to return.</source>
        <translation>Choose a missed call to return.</translation>
    </message>
    <message>
        <source>%1 marked as called back.</source>
        <translation>%1 marked as called back.</translation>
    </message>
    <message>
        <source>Telephony is not set up on this console.</source>
        <translation>Telephony is not set up on this console.</translation>
    </message>
    <message>
        <source>No player for this recording; it is saved as %1</source>
        <translation>No player for this recording; it is saved as %1</translation>
    </message>
    <message>
        <source>Playing the recording…</source>
        <translation>Playing the recording…</translation>
    </message>
    <message>
        <source>The recording could not be fetched: %1</source>
        <translation>The recording could not be fetched: %1</translation>
    </message>
    <message>
        <source>Fetching the recording…</source>
        <translation>Fetching the recording…</translation>
    </message>
</context>
<context>
    <name>CallLogModel</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Call back at…</source>
        <translation>Call back at…</translation>
    </message>
    <message>
        <source>When did the customer ask to be called? Time in %1 (%2).</source>
        <translation>When did the customer ask to be called? Time in %1 (%2).</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;When</translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation>C&amp;omment</translation>
    </message>
    <message>
        <source>Optional, e.g. “after work”</source>
        <translation>Optional, e.g. “after work”</translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation>In 1 hour</translation>
    </message>
    <message>
        <source>In 3 hours</source>
        <translation>In 3 hours</translation>
    </message>
    <message>
        <source>Tomorrow 10:00</source>
        <translation>Tomorrow 10:00</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Choose a time in the future.</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order %1</source>
        <translation>Cancel order %1</translation>
    </message>
    <message>
        <source>Why is order %1 cancelled? The reason is kept with the order.</source>
        <translation>Why is order %1 cancelled? The reason is kept with the order.</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Optional; required for “Other reason”</source>
        <translation>Optional; required for “Other reason”</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choose a reason…</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Cancel the order</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Choose a reason: an order is never cancelled without one.</source>
        <translation>Choose a reason: an order is never cancelled without one.</translation>
    </message>
    <message>
        <source>Write the reason in Details.</source>
        <translation>Write the reason in Details.</translation>
    </message>
</context>
<context>
    <name>CapsuleNameDelegate</name>
    <message>
        <source>Probably from the capsule “%1” (the order did not say)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardWrites</name>
    <message>
        <source>Order %1 saved</source>
        <translation>Order %1 saved</translation>
    </message>
    <message>
        <source>Order %1 confirmed</source>
        <translation>Order %1 confirmed</translation>
    </message>
    <message>
        <source>Order %1: no answer %2 times — cancelled, the customer is told</source>
        <translation>Order %1: no answer %2 times — cancelled, the customer is told</translation>
    </message>
    <message>
        <source>Order %1: no answer recorded (attempt %2)</source>
        <translation>Order %1: no answer recorded (attempt %2)</translation>
    </message>
    <message>
        <source>Order %1: call back at %2</source>
        <translation>Order %1: call back at %2</translation>
    </message>
    <message>
        <source>Order %1 cancelled</source>
        <translation>Order %1 cancelled</translation>
    </message>
    <message>
        <source>Order %1 is now “%2”</source>
        <translation>Order %1 is now “%2”</translation>
    </message>
    <message>
        <source>Retry save</source>
        <translation>Retry save</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>No connection to the database — your changes are kept and will be offered again.</source>
        <translation>No connection to the database — your changes are kept and will be offered again.</translation>
    </message>
    <message>
        <source>The database is back. Your changes are still here — save them now.</source>
        <translation>The database is back. Your changes are still here — save them now.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>someone</translation>
    </message>
    <message>
        <source>%1 changed this order a moment ago; nothing was done. Check it and try again.</source>
        <translation>%1 changed this order a moment ago; nothing was done. Check it and try again.</translation>
    </message>
    <message>
        <source>Not saved: the order changed meanwhile. Your changes are kept.</source>
        <translation>Not saved: the order changed meanwhile. Your changes are kept.</translation>
    </message>
    <message>
        <source>Your changes were dropped; this is their version</source>
        <translation>Your changes were dropped; this is their version</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Discard my changes</translation>
    </message>
    <message>
        <source>Drop your unsaved changes to this order? They cannot be brought back.</source>
        <translation>Drop your unsaved changes to this order? They cannot be brought back.</translation>
    </message>
    <message>
        <source>Your changes were discarded</source>
        <translation>Your changes were discarded</translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>The robot has not checked this order</source>
        <translation>The robot has not checked this order</translation>
    </message>
</context>
<context>
    <name>ChildRow</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>girl</source>
        <translation>girl</translation>
    </message>
    <message>
        <source>boy</source>
        <translation>boy</translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation>Child&apos;s name</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Remove this child</source>
        <translation>Remove this child</translation>
    </message>
    <message>
        <source>Give the child&apos;s name</source>
        <translation>Give the child&apos;s name</translation>
    </message>
    <message>
        <source>“%1” is not a date (DD.MM.YYYY)</source>
        <translation>“%1” is not a date (DD.MM.YYYY)</translation>
    </message>
</context>
<context>
    <name>CommentsBox</name>
    <message>
        <source>Customer&apos;s comment</source>
        <translation>Customer&apos;s comment</translation>
    </message>
    <message>
        <source>&amp;Manager&apos;s comment</source>
        <translation>&amp;Manager&apos;s comment</translation>
    </message>
    <message>
        <source>Notes for colleagues and the warehouse</source>
        <translation>Notes for colleagues and the warehouse</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Order %1 was changed meanwhile</source>
        <translation>Order %1 was changed meanwhile</translation>
    </message>
    <message>
        <source>%1 saved order %2 after you opened it. Nothing of yours is saved yet; choose what to keep.</source>
        <translation>%1 saved order %2 after you opened it. Nothing of yours is saved yet; choose what to keep.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Theirs (now)</source>
        <translation>Theirs (now)</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Highlighted: changed on both sides. Keep mine puts your values on top of theirs; fields only they changed keep their values.</source>
        <translation>Highlighted: changed on both sides. Keep mine puts your values on top of theirs; fields only they changed keep their values.</translation>
    </message>
    <message>
        <source>Keep mine and save</source>
        <translation>Keep mine and save</translation>
    </message>
    <message>
        <source>Re-apply your edits on top of the new version and save again</source>
        <translation>Re-apply your edits on top of the new version and save again</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Drop your edits and show the order as saved</source>
        <translation>Drop your edits and show the order as saved</translation>
    </message>
</context>
<context>
    <name>ConnectionChip</name>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished">Connecting…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished">Connected</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished">Offline</translation>
    </message>
</context>
<context>
    <name>ConsoleLauncher</name>
    <message>
        <source>Preparing the database…</source>
        <translation>Preparing the database…</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Okno</translation>
    </message>
    <message>
        <source>Creating the database…</source>
        <translation>Creating the database…</translation>
    </message>
    <message>
        <source>Updating the database…</source>
        <translation>Updating the database…</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>Creating demo data…</translation>
    </message>
    <message>
        <source>Okno cannot use the database address %1: %2</source>
        <translation>Okno cannot use the database address %1: %2</translation>
    </message>
    <message>
        <source>This is done once.</source>
        <translation>This is done once.</translation>
    </message>
    <message>
        <source>Okno cannot start</source>
        <translation>Okno cannot start</translation>
    </message>
</context>
<context>
    <name>CrossSellPanel</name>
    <message>
        <source>not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too expensive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already has one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will think about it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many to add (+ and − in the list); at most what one place has free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the order as your cross-sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer said no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ choose · ←→ size · +− quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for suggestions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an order (F2) or a customer: what to offer them from the capsules shows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) for this order</source>
        <translation>
            <numerusform>%n suggestion for this order</numerusform>
            <numerusform>%n suggestions for this order</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) for this customer (no order open)</source>
        <translation>
            <numerusform>%n suggestion for this customer (no order open)</numerusform>
            <numerusform>%n suggestions for this customer (no order open)</numerusform>
        </translation>
    </message>
    <message>
        <source>prices with the %1 % loyalty discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to offer: no active capsule matches these items, or the rest of it is out of stock or already bought.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to offer this customer from the capsules now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a suggestion first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order open: create one (Ctrl+Shift+N) to add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already added to the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your changes to the order first (Ctrl+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This size is out of stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished">Saving…</translation>
    </message>
    <message>
        <source>Added %1 to the order as your cross-sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order changed a moment ago: the card shows it now. Check it and add again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why did the customer say no?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrossSellReasons</name>
    <message>
        <source>completes “%1” with the %2 you are buying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completes “%1” with the %2 bought on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completes “%1” with the %2 bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerLine</name>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Call %1</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Guest</translation>
    </message>
    <message>
        <source>No customer card is linked to this order</source>
        <translation>No customer card is linked to this order</translation>
    </message>
    <message>
        <source>guest order</source>
        <translation>guest order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Open the customer&apos;s profile</source>
        <translation>Open the customer&apos;s profile</translation>
    </message>
    <message>
        <source>loyalty %1 %</source>
        <translation>loyalty %1 %</translation>
    </message>
</context>
<context>
    <name>CustomerMetrics</name>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Every order the customer placed, any status.</source>
        <translation>Every order the customer placed, any status.</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Lifetime value</translation>
    </message>
    <message>
        <source>Sum of the totals of completed orders (delivery included), RUB.</source>
        <translation>Sum of the totals of completed orders (delivery included), RUB.</translation>
    </message>
    <message>
        <source>Average check</source>
        <translation>Average check</translation>
    </message>
    <message>
        <source>Lifetime value divided by the number of completed orders.</source>
        <translation>Lifetime value divided by the number of completed orders.</translation>
    </message>
    <message>
        <source>Buyout rate</source>
        <translation>Buyout rate</translation>
    </message>
    <message>
        <source>Completed ÷ (completed + cancelled + returned), counting only orders that reached confirmation (an order cancelled before it was confirmed does not count).</source>
        <translation>Completed ÷ (completed + cancelled + returned), counting only orders that reached confirmation (an order cancelled before it was confirmed does not count).</translation>
    </message>
    <message>
        <source>Decided orders</source>
        <translation>Decided orders</translation>
    </message>
    <message>
        <source>Orders the buyout rate is computed from: completed, or cancelled/returned after confirmation.</source>
        <translation>Orders the buyout rate is computed from: completed, or cancelled/returned after confirmation.</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>First order</translation>
    </message>
    <message>
        <source>When the first order was placed.</source>
        <translation>When the first order was placed.</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Last order</translation>
    </message>
    <message>
        <source>When the latest order was placed.</source>
        <translation>When the latest order was placed.</translation>
    </message>
    <message>
        <source>Days since last order</source>
        <translation>Days since last order</translation>
    </message>
    <message>
        <source>Whole days from the latest order to now.</source>
        <translation>Whole days from the latest order to now.</translation>
    </message>
    <message>
        <source>Favourite categories</source>
        <translation>Favourite categories</translation>
    </message>
    <message>
        <source>The three catalogue categories with the most items in orders that were not cancelled or returned.</source>
        <translation>The three catalogue categories with the most items in orders that were not cancelled or returned.</translation>
    </message>
    <message>
        <source>Click &amp; collect</source>
        <translation>Click &amp; collect</translation>
    </message>
    <message>
        <source>Share of orders (any status) picked up in a store rather than delivered.</source>
        <translation>Share of orders (any status) picked up in a store rather than delivered.</translation>
    </message>
</context>
<context>
    <name>CustomerOrdersModel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Phone in any format, e-mail or name</source>
        <translation>Phone in any format, e-mail or name</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Type at least 2 characters</translation>
    </message>
    <message>
        <source>Enter picks the selected customer</source>
        <translation>Enter picks the selected customer</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>Nobody found</translation>
    </message>
</context>
<context>
    <name>CustomerProfilePanel</name>
    <message>
        <source>Only a supervisor or an administrator can merge customers.</source>
        <translation>Only a supervisor or an administrator can merge customers.</translation>
    </message>
    <message>
        <source>boy</source>
        <translation>boy</translation>
    </message>
    <message>
        <source>girl</source>
        <translation>girl</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message>
        <source>birthday today</source>
        <translation>birthday today</translation>
    </message>
    <message numerus="yes">
        <source>birthday %1 (in %n day(s))</source>
        <translation>
            <numerusform>birthday %1 (in %n day)</numerusform>
            <numerusform>birthday %1 (in %n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Born %1</translation>
    </message>
    <message>
        <source>No children recorded</source>
        <translation>No children recorded</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>No longer declared in the settings; kept</source>
        <translation>No longer declared in the settings; kept</translation>
    </message>
    <message>
        <source>No custom fields declared</source>
        <translation>No custom fields declared</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>No active promo codes</source>
        <translation>No active promo codes</translation>
    </message>
    <message>
        <source>Loading customer #%1…</source>
        <translation>Loading customer #%1…</translation>
    </message>
    <message>
        <source>No customer selected.
Open one from an order, or search with %1.</source>
        <translation>No customer selected.
Open one from an order, or search with %1.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Orders (%1)</source>
        <translation>Orders (%1)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Find a duplicate of this customer and merge it into this one</source>
        <translation>Find a duplicate of this customer and merge it into this one</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator can merge customers</source>
        <translation>Only a supervisor or an administrator can merge customers</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>New order</translation>
    </message>
    <message>
        <source>New order for this customer</source>
        <translation>New order for this customer</translation>
    </message>
    <message>
        <source>Merge a duplicate…</source>
        <translation>Merge a duplicate…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Load this customer again</source>
        <translation>Load this customer again</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>Promo codes</source>
        <translation>Promo codes</translation>
    </message>
</context>
<context>
    <name>CustomerSegments</name>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Lifetime value at or above the VIP threshold.</source>
        <translation>Lifetime value at or above the VIP threshold.</translation>
    </message>
    <message>
        <source>Prepayment only</source>
        <translation>Prepayment only</translation>
    </message>
    <message>
        <source>Buys out too few of the orders they confirm: orders are confirmed only when paid.</source>
        <translation>Buys out too few of the orders they confirm: orders are confirmed only when paid.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Placed the first order recently.</source>
        <translation>Placed the first order recently.</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>Dormant</translation>
    </message>
    <message>
        <source>Has not ordered for a long time.</source>
        <translation>Has not ordered for a long time.</translation>
    </message>
</context>
<context>
    <name>CustomerTables</name>
    <message>
        <source>orders</source>
        <translation>orders</translation>
    </message>
    <message>
        <source>phones</source>
        <translation>phones</translation>
    </message>
    <message>
        <source>children</source>
        <translation>children</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>tags</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>calls</translation>
    </message>
    <message>
        <source>conversations (with their messages)</source>
        <translation>conversations (with their messages)</translation>
    </message>
    <message>
        <source>promo codes</source>
        <translation>promo codes</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tasks</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>first name</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>last name</translation>
    </message>
    <message>
        <source>patronymic</source>
        <translation>patronymic</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>birth date</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>gender</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>summary</translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No upsell credited in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers: %1, accepted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell: %1 (earned %2, pending %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryForm</name>
    <message>
        <source>&amp;Delivery</source>
        <translation>&amp;Delivery</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>S&amp;hip from</source>
        <translation>S&amp;hip from</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>&amp;Payment</translation>
    </message>
    <message>
        <source>C&amp;ost</source>
        <translation>C&amp;ost</translation>
    </message>
    <message>
        <source>City, street, house, flat</source>
        <translation>City, street, house, flat</translation>
    </message>
    <message>
        <source>Delivery cost in roubles, e.g. 350 or 350,50</source>
        <translation>Delivery cost in roubles, e.g. 350 or 350,50</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Payment status</translation>
    </message>
</context>
<context>
    <name>GlobalSearchDialog</name>
    <message>
        <source>Order number, phone in any format, e-mail or name (at least %1 characters)</source>
        <translation>Order number, phone in any format, e-mail or name (at least %1 characters)</translation>
    </message>
    <message>
        <source>%1 customers, %2 orders · Enter opens, Esc closes</source>
        <translation>%1 customers, %2 orders · Enter opens, Esc closes</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Search: order number, phone, e-mail or name</source>
        <translation>Search: order number, phone, e-mail or name</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>robot</source>
        <translation>robot</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo database. Log in as %1; the password is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a login to fill the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong login or password. Check the keyboard layout and Caps Lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not reachable, so nobody can log in now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Okno — log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to Okno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database this console works with</source>
        <translation type="unfinished">Database this console works with</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No suggestions to offer now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking the next order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is empty: no order is waiting for a call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is still yours: finish it, or release it (Ctrl+Shift+R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is yours now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You hold no order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is back in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press F2 for the next order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You no longer hold this order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the customer to keep first (search: Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Okno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Okno&lt;/b&gt; %1&lt;br&gt;One window for the call center: the order queue, the order card and the customer, over one shared database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order open: F2 takes the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer open: Ctrl+K searches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Okno</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished">Customer</translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the c&amp;ross-sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upsell by operator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the &amp;layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take next order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release order to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;One-click order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge a duplicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Okno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database this console works with</source>
        <translation>Database this console works with</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <source>Upsell by operator — Okno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell by operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Load the period again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished">Orders</translation>
    </message>
    <message>
        <source>Select an operator to see their days; Enter lists their orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n operator</numerusform>
            <numerusform>%n operators</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter or double-click an operator: their orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone: %1 offers, %2 accepted (%3) · pending %4 · earned %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell by day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell by day: all operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the orders of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) with cross-sell by %1</source>
        <translation>
            <numerusform>%n order with cross-sell by %1</numerusform>
            <numerusform>%n orders with cross-sell by %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter opens one in the order card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the upsell table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>%1 will be merged into %2.</source>
        <translation>%1 will be merged into %2.</translation>
    </message>
    <message>
        <source>Moves to #%1: %2.</source>
        <translation>Moves to #%1: %2.</translation>
    </message>
    <message>
        <source>Nothing else points at #%1.</source>
        <translation>Nothing else points at #%1.</translation>
    </message>
    <message>
        <source>Numbers #%1 already has are not copied: %2.</source>
        <translation>Numbers #%1 already has are not copied: %2.</translation>
    </message>
    <message>
        <source>Empty fields of #%1 taken from #%2: %3.</source>
        <translation>Empty fields of #%1 taken from #%2: %3.</translation>
    </message>
    <message>
        <source>#%1 stays as an audit record pointing to #%2; the merge cannot be undone.</source>
        <translation>#%1 stays as an audit record pointing to #%2; the merge cannot be undone.</translation>
    </message>
    <message>
        <source>Merge a duplicate into %1</source>
        <translation>Merge a duplicate into %1</translation>
    </message>
    <message>
        <source>Find the duplicate: the customer record that will be merged into %1 (its orders, phones, children, tags, notes, calls and messages move over).</source>
        <translation>Find the duplicate: the customer record that will be merged into %1 (its orders, phones, children, tags, notes, calls and messages move over).</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Merge the chosen duplicate into %1</source>
        <translation>Merge the chosen duplicate into %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MetricsSection</name>
    <message>
        <source>%1 (completed %2)</source>
        <translation>%1 (completed %2)</translation>
    </message>
    <message>
        <source>— (no decided orders yet)</source>
        <translation>— (no decided orders yet)</translation>
    </message>
    <message>
        <source>%1 of %2 decided orders</source>
        <translation>%1 of %2 decided orders</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n order(s))</source>
        <translation>
            <numerusform>%1 (%n order)</numerusform>
            <numerusform>%1 (%n orders)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>+7 916 123-45-67, 8 (916) 123-45-67, …</source>
        <translation>+7 916 123-45-67, 8 (916) 123-45-67, …</translation>
    </message>
    <message>
        <source>“%1” is not a phone number</source>
        <translation>“%1” is not a phone number</translation>
    </message>
    <message>
        <source>ext. %1</source>
        <translation>ext. %1</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address</source>
        <translation>“%1” is not an e-mail address</translation>
    </message>
    <message>
        <source>“%1” is not a date (DD.MM.YYYY)</source>
        <translation>“%1” is not a date (DD.MM.YYYY)</translation>
    </message>
    <message>
        <source>Give at least a name, a phone or an e-mail.</source>
        <translation>Give at least a name, a phone or an e-mail.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red.</source>
        <translation>Correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Similar name, same birth date: %1</source>
        <translation>Similar name, same birth date: %1</translation>
    </message>
    <message>
        <source>This phone or e-mail already belongs to a customer. Open that customer, or create a duplicate on purpose (it is recorded who did).</source>
        <translation>This phone or e-mail already belongs to a customer. Open that customer, or create a duplicate on purpose (it is recorded who did).</translation>
    </message>
    <message>
        <source>This may be a customer we already have. Check before creating:</source>
        <translation>This may be a customer we already have. Check before creating:</translation>
    </message>
    <message>
        <source>Only a supervisor, a manager or an administrator can create a duplicate</source>
        <translation>Only a supervisor, a manager or an administrator can create a duplicate</translation>
    </message>
    <message>
        <source>Phone %1 belongs to %2</source>
        <translation>Phone %1 belongs to %2</translation>
    </message>
    <message>
        <source>E-mail %1 belongs to %2</source>
        <translation>E-mail %1 belongs to %2</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Patronymic</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Agrees to</source>
        <translation>Agrees to</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>Add another phone</source>
        <translation>Add another phone</translation>
    </message>
    <message>
        <source>Add a child</source>
        <translation>Add a child</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>messengers</source>
        <translation>messengers</translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation>Open existing</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the new customer (Ctrl+Enter)</source>
        <translation>Save the new customer (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <source>No customer chosen yet</source>
        <translation>No customer chosen yet</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>Customer #%1</translation>
    </message>
    <message>
        <source>Total: %1 (loyalty discount %2 %: −%3)</source>
        <translation>Total: %1 (loyalty discount %2 %: −%3)</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation>Choose the customer first.</translation>
    </message>
    <message>
        <source>Add at least one item.</source>
        <translation>Add at least one item.</translation>
    </message>
    <message>
        <source>Choose the store the customer picks the order up from.</source>
        <translation>Choose the store the customer picks the order up from.</translation>
    </message>
    <message>
        <source>New order (%1)</source>
        <translation>New order (%1)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Find items</source>
        <translation>Find items</translation>
    </message>
    <message>
        <source>Order lines (Delete removes the selected one)</source>
        <translation>Order lines (Delete removes the selected one)</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Shipping store</source>
        <translation>Shipping store</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>Pickup in store (click &amp; collect)</source>
        <translation>Pickup in store (click &amp; collect)</translation>
    </message>
    <message>
        <source>Parcel locker</source>
        <translation>Parcel locker</translation>
    </message>
    <message>
        <source>City, street, house, flat</source>
        <translation>City, street, house, flat</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Create order</translation>
    </message>
    <message>
        <source>Create the order (Ctrl+Enter)</source>
        <translation>Create the order (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NotesSection</name>
    <message>
        <source>A note about this customer…</source>
        <translation>A note about this customer…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Add note (Ctrl+Enter)</source>
        <translation>Add note (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>No notes yet</source>
        <translation>No notes yet</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
</context>
<context>
    <name>NotificationsButton</name>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n reminder</numerusform>
            <numerusform>%n reminders</numerusform>
        </translation>
    </message>
    <message>
        <source>No reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back</source>
        <translation type="unfinished">Call back</translation>
    </message>
    <message>
        <source>Call again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-backs and retries due for you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfferHitsModel</name>
    <message>
        <source>out of stock</source>
        <translation>out of stock</translation>
    </message>
    <message>
        <source>+%n store(s)</source>
        <translation>+%n store(s)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Free stock</source>
        <translation>Free stock</translation>
    </message>
</context>
<context>
    <name>OfferPicker</name>
    <message>
        <source>Item name, SKU or barcode</source>
        <translation>Item name, SKU or barcode</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Type at least 2 characters</translation>
    </message>
    <message>
        <source>Enter adds the selected item</source>
        <translation>Enter adds the selected item</translation>
    </message>
    <message>
        <source>No such item on sale</source>
        <translation>No such item on sale</translation>
    </message>
</context>
<context>
    <name>OfferPickerDialog</name>
    <message>
        <source>Add item</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Name, SKU or barcode</source>
        <translation>Name, SKU or barcode</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Colour / size</source>
        <translation>Colour / size</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Here</translation>
    </message>
    <message>
        <source>Free in stores</source>
        <translation>Free in stores</translation>
    </message>
    <message>
        <source>Free at the order&apos;s store (%1)</source>
        <translation>Free at the order&apos;s store (%1)</translation>
    </message>
    <message>
        <source>The order has no shipping store yet</source>
        <translation>The order has no shipping store yet</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Quantity</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add the selected item (Enter)</source>
        <translation>Add the selected item (Enter)</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Type at least 2 characters</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Enter adds the selected item</source>
        <translation>Enter adds the selected item</translation>
    </message>
    <message>
        <source>Nothing found for “%1”</source>
        <translation>Nothing found for “%1”</translation>
    </message>
    <message>
        <source>none free</source>
        <translation>none free</translation>
    </message>
    <message>
        <source>No store has it free</source>
        <translation>No store has it free</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline: the database is not reachable. Your unsaved changes are kept; Okno keeps trying and carries on by itself when the database is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OneClickOrderDialog</name>
    <message>
        <source>“%1” is not a phone number</source>
        <translation>“%1” is not a phone number</translation>
    </message>
    <message>
        <source>Give the customer&apos;s name.</source>
        <translation>Give the customer&apos;s name.</translation>
    </message>
    <message>
        <source>Give a phone number the customer can be called on.</source>
        <translation>Give a phone number the customer can be called on.</translation>
    </message>
    <message>
        <source>Choose the item.</source>
        <translation>Choose the item.</translation>
    </message>
    <message>
        <source>One-click order (%1)</source>
        <translation>One-click order (%1)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Pick up at</source>
        <translation>Pick up at</translation>
    </message>
    <message>
        <source>How the customer introduced themselves</source>
        <translation>How the customer introduced themselves</translation>
    </message>
    <message>
        <source>Any format: 8 (916) 123-45-67, +7 916 …</source>
        <translation>Any format: 8 (916) 123-45-67, +7 916 …</translation>
    </message>
    <message>
        <source>No item chosen yet</source>
        <translation>No item chosen yet</translation>
    </message>
    <message>
        <source>Leave “no store” for courier delivery</source>
        <translation>Leave “no store” for courier delivery</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Create order</translation>
    </message>
    <message>
        <source>Create the order (Ctrl+Enter)</source>
        <translation>Create the order (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>The database is not reachable: %1</source>
        <translation>The database is not reachable: %1</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime: %1</source>
        <translation>Someone else changed this in the meantime: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1. The details are in the log.</source>
        <translation>Something went wrong: %1. The details are in the log.</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Okno</translation>
    </message>
</context>
<context>
    <name>OperatorStateButton</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Why are you pausing? New calls will not reach you.</source>
        <translation>Why are you pausing? New calls will not reach you.</translation>
    </message>
    <message>
        <source>Phone: —</source>
        <translation>Phone: —</translation>
    </message>
    <message>
        <source>Your state for incoming calls is not known yet</source>
        <translation>Your state for incoming calls is not known yet</translation>
    </message>
    <message>
        <source>Your state for incoming calls; click to change it</source>
        <translation>Your state for incoming calls; click to change it</translation>
    </message>
    <message>
        <source>%1 (set by the calls)</source>
        <translation>%1 (set by the calls)</translation>
    </message>
</context>
<context>
    <name>OrderCard</name>
    <message>
        <source>Total below the auto-approval limit</source>
        <translation>Total below the auto-approval limit</translation>
    </message>
    <message>
        <source>No comment from the customer</source>
        <translation>No comment from the customer</translation>
    </message>
    <message>
        <source>Paid (if payment is required)</source>
        <translation>Paid (if payment is required)</translation>
    </message>
    <message>
        <source>Delivery address or pickup store</source>
        <translation>Delivery address or pickup store</translation>
    </message>
    <message>
        <source>All items free at the store</source>
        <translation>All items free at the store</translation>
    </message>
    <message>
        <source>Customer not on prepayment only</source>
        <translation>Customer not on prepayment only</translation>
    </message>
    <message>
        <source>no comment</source>
        <translation>no comment</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>not paid</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>address or pickup store</source>
        <translation>address or pickup store</translation>
    </message>
    <message>
        <source>pickup store</source>
        <translation>pickup store</translation>
    </message>
    <message>
        <source>all items free at the store</source>
        <translation>all items free at the store</translation>
    </message>
    <message>
        <source>no shipping store</source>
        <translation>no shipping store</translation>
    </message>
    <message>
        <source>no items</source>
        <translation>no items</translation>
    </message>
    <message>
        <source>all available</source>
        <translation>all available</translation>
    </message>
    <message>
        <source>paid, or customer not on prepayment only</source>
        <translation>paid, or customer not on prepayment only</translation>
    </message>
    <message>
        <source>prepayment only, unpaid</source>
        <translation>prepayment only, unpaid</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>Pickup in store</source>
        <translation>Pickup in store</translation>
    </message>
    <message>
        <source>Parcel locker</source>
        <translation>Parcel locker</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card on delivery</source>
        <translation>Card on delivery</translation>
    </message>
    <message>
        <source>Card online</source>
        <translation>Card online</translation>
    </message>
    <message>
        <source>Fast payment (SBP)</source>
        <translation>Fast payment (SBP)</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Delivery cost</source>
        <translation>Delivery cost</translation>
    </message>
    <message>
        <source>Shipping store</source>
        <translation>Shipping store</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Manager comment</source>
        <translation>Manager comment</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>Contact e-mail</translation>
    </message>
    <message>
        <source>Cancel reason</source>
        <translation>Cancel reason</translation>
    </message>
    <message>
        <source>No-answer attempts</source>
        <translation>No-answer attempts</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation>Call back at</translation>
    </message>
    <message>
        <source>Stock reserved</source>
        <translation>Stock reserved</translation>
    </message>
    <message>
        <source>Reserved until</source>
        <translation>Reserved until</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>Customer changed their mind</translation>
    </message>
    <message>
        <source>Found it cheaper elsewhere</source>
        <translation>Found it cheaper elsewhere</translation>
    </message>
    <message>
        <source>Delivery time does not suit</source>
        <translation>Delivery time does not suit</translation>
    </message>
    <message>
        <source>Items out of stock</source>
        <translation>Items out of stock</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>Duplicate order</translation>
    </message>
    <message>
        <source>Test or fake order</source>
        <translation>Test or fake order</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>(not changed)</source>
        <translation>(not changed)</translation>
    </message>
</context>
<context>
    <name>OrderCardPanel</name>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Call back at…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Cancel…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Set status…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Discard my changes</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Add item…</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>Choose store…</source>
        <translation>Choose store…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Delivery and payment</source>
        <translation>Delivery and payment</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Robot checks</source>
        <translation>Robot checks</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>No order open. Take the next one (F2) or pick one in the queue.</source>
        <translation>No order open. Take the next one (F2) or pick one in the queue.</translation>
    </message>
    <message>
        <source>Someone else changed this order while you were editing. Your changes are kept; Save will show both versions.</source>
        <translation>Someone else changed this order while you were editing. Your changes are kept; Save will show both versions.</translation>
    </message>
    <message>
        <source>No connection to the database — the order could not be loaded.</source>
        <translation>No connection to the database — the order could not be loaded.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>yours</translation>
    </message>
    <message>
        <source>taken by %1</source>
        <translation>taken by %1</translation>
    </message>
    <message numerus="yes">
        <source>no answer: %n attempt(s)</source>
        <translation>
            <numerusform>no answer: %n attempt</numerusform>
            <numerusform>no answer: %n attempts</numerusform>
        </translation>
    </message>
    <message>
        <source>next call %1</source>
        <translation>next call %1</translation>
    </message>
    <message>
        <source>call back at %1</source>
        <translation>call back at %1</translation>
    </message>
    <message>
        <source>reserved until %1</source>
        <translation>reserved until %1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>reason: %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <source>Robot stopped it: %1</source>
        <translation>Robot stopped it: %1</translation>
    </message>
    <message>
        <source>(expected %1)</source>
        <translation>(expected %1)</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>No store chosen</source>
        <translation>No store chosen</translation>
    </message>
    <message>
        <source>Store #%1</source>
        <translation>Store #%1</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 of %2 items</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Unsaved changes (made on an older version)</source>
        <translation>Unsaved changes (made on an older version)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Taken by %1: only they can work this order now</source>
        <translation>Taken by %1: only they can work this order now</translation>
    </message>
    <message>
        <source>Type an amount in roubles, e.g. 350 or 350,50</source>
        <translation>Type an amount in roubles, e.g. 350 or 350,50</translation>
    </message>
    <message>
        <source>Could not keep a copy of your changes on disk: %1</source>
        <translation>Could not keep a copy of your changes on disk: %1</translation>
    </message>
    <message>
        <source>You have unsaved changes from %1.</source>
        <translation>You have unsaved changes from %1.</translation>
    </message>
    <message>
        <source>The order has changed since; saving them will show both versions.</source>
        <translation>The order has changed since; saving them will show both versions.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Your unsaved changes are back</source>
        <translation>Your unsaved changes are back</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Added %1</translation>
    </message>
    <message>
        <source>Looking up stock in the stores…</source>
        <translation>Looking up stock in the stores…</translation>
    </message>
</context>
<context>
    <name>OrderErrors</name>
    <message>
        <source>Order %1 was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1: your role may not move it from “%2” to “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1: cancelling needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1: not enough stock: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 was changed by someone else meanwhile (your version %2, now %3); nothing of yours was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderItemsModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Colour / size</source>
        <translation>Colour / size</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>cross-sell</source>
        <translation>cross-sell</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>From the capsule “%1”</source>
        <translation>From the capsule “%1”</translation>
    </message>
    <message>
        <source>Added as a cross-sell</source>
        <translation>Added as a cross-sell</translation>
    </message>
    <message>
        <source>Added now, not saved yet</source>
        <translation>Added now, not saved yet</translation>
    </message>
    <message>
        <source>Loyalty discount %1 % (changes with the quantity)</source>
        <translation>Loyalty discount %1 % (changes with the quantity)</translation>
    </message>
    <message>
        <source>Discount typed in by hand; clear the field for the loyalty discount</source>
        <translation>Discount typed in by hand; clear the field for the loyalty discount</translation>
    </message>
    <message>
        <source>No shipping store chosen</source>
        <translation>No shipping store chosen</translation>
    </message>
    <message>
        <source>Only %1 free at the shipping store, %2 wanted</source>
        <translation>Only %1 free at the shipping store, %2 wanted</translation>
    </message>
    <message>
        <source>Free at the shipping store</source>
        <translation>Free at the shipping store</translation>
    </message>
    <message>
        <source>Type or use the arrows; Enter applies</source>
        <translation>Type or use the arrows; Enter applies</translation>
    </message>
    <message>
        <source>The quantity must be between 1 and %1 (remove the line instead)</source>
        <translation>The quantity must be between 1 and %1 (remove the line instead)</translation>
    </message>
    <message>
        <source>The discount must be an amount between 0 and %1</source>
        <translation>The discount must be an amount between 0 and %1</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Sum</translation>
    </message>
</context>
<context>
    <name>OrderSource</name>
    <message>
        <source>Web shop</source>
        <translation>Web shop</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>Mobile app</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>One click</source>
        <translation>One click</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>Being worked on by %1</source>
        <translation>Being worked on by %1</translation>
    </message>
    <message>
        <source>You are working on this order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>After the call: order %1</source>
        <translation>After the call: order %1</translation>
    </message>
    <message>
        <source>talked %1</source>
        <translation>talked %1</translation>
    </message>
    <message>
        <source>the call ended without talk</source>
        <translation>the call ended without talk</translation>
    </message>
    <message>
        <source>How did the call about order %1 go?</source>
        <translation>How did the call about order %1 go?</translation>
    </message>
    <message>
        <source>The customer agreed: the order is confirmed and goes on.</source>
        <translation>The customer agreed: the order is confirmed and goes on.</translation>
    </message>
    <message>
        <source>Nobody answered: an SMS goes to the customer and the order comes back for another attempt later.</source>
        <translation>Nobody answered: an SMS goes to the customer and the order comes back for another attempt later.</translation>
    </message>
    <message>
        <source>The customer asked to be called later: choose when next.</source>
        <translation>The customer asked to be called later: choose when next.</translation>
    </message>
    <message>
        <source>The number does not reach this customer: the order is cancelled as “wrong number”.</source>
        <translation>The number does not reach this customer: the order is cancelled as “wrong number”.</translation>
    </message>
    <message>
        <source>The customer does not want the order: a reason is asked next.</source>
        <translation>The customer does not want the order: a reason is asked next.</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Close without recording; the order keeps its state and stays yours</source>
        <translation>Close without recording; the order keeps its state and stays yours</translation>
    </message>
</context>
<context>
    <name>OutcomeFlow</name>
    <message>
        <source>A call ended without an outcome: pick it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call&apos;s order is no longer waiting for an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>Order %1: %2</translation>
    </message>
    <message>
        <source>The outcome was not saved: %1</source>
        <translation>The outcome was not saved: %1</translation>
    </message>
</context>
<context>
    <name>ProfileHeader</name>
    <message>
        <source>mobile</source>
        <translation>mobile</translation>
    </message>
    <message>
        <source>work</source>
        <translation>work</translation>
    </message>
    <message>
        <source>home</source>
        <translation>home</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>born %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n year(s))</source>
        <translation>
            <numerusform>(%n year)</numerusform>
            <numerusform>(%n years)</numerusform>
        </translation>
    </message>
    <message>
        <source>loyalty discount %1</source>
        <translation>loyalty discount %1</translation>
    </message>
    <message>
        <source>no loyalty discount</source>
        <translation>no loyalty discount</translation>
    </message>
    <message>
        <source>This is an audit record: merged into #%1 on %2 by %3.</source>
        <translation>This is an audit record: merged into #%1 on %2 by %3.</translation>
    </message>
    <message>
        <source>Open #%1</source>
        <translation>Open #%1</translation>
    </message>
    <message>
        <source>no e-mail</source>
        <translation>no e-mail</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>no phone</translation>
    </message>
    <message>
        <source>ext. %1</source>
        <translation>ext. %1</translation>
    </message>
    <message>
        <source>As given: %1</source>
        <translation>As given: %1</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primary</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Call %1</translation>
    </message>
    <message>
        <source>Tagged “prepayment_only” by staff.</source>
        <translation>Tagged “prepayment_only” by staff.</translation>
    </message>
    <message>
        <source>Lifetime value %1 ≥ %2.</source>
        <translation>Lifetime value %1 ≥ %2.</translation>
    </message>
    <message>
        <source>Buyout %1 is below %2 over %3 decided orders.</source>
        <translation>Buyout %1 is below %2 over %3 decided orders.</translation>
    </message>
    <message numerus="yes">
        <source>First order within %n day(s).</source>
        <translation>
            <numerusform>First order within %n day.</numerusform>
            <numerusform>First order within %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>No order for %1 days (%2 or more make a customer dormant).</source>
        <translation>No order for %1 days (%2 or more make a customer dormant).</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So&amp;urce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;ore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crea&amp;ted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;perator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To this day (inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 orders</source>
        <translation type="unfinished">about %1 orders</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Filter by status, source, store, date and operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer — due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click &amp; collect</source>
        <translation type="unfinished">Click &amp; collect</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation type="unfinished">All orders</translation>
    </message>
    <message>
        <source>Which orders the queue shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click Created or Next attempt to sort; right-click to choose columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowsLabel</name>
    <message>
        <source>Loaded: %1</source>
        <translation type="unfinished">Loaded: %1</translation>
    </message>
    <message>
        <source>Loaded: %1 of %2</source>
        <translation type="unfinished">Loaded: %1 of %2</translation>
    </message>
    <message>
        <source>Loaded: %1 of about %2</source>
        <translation type="unfinished">Loaded: %1 of about %2</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
</context>
<context>
    <name>SetStatusDialog</name>
    <message>
        <source>Set status</source>
        <translation>Set status</translation>
    </message>
    <message>
        <source>Now: %1. You may move the order to:</source>
        <translation>Now: %1. You may move the order to:</translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation>C&amp;omment</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Required when cancelling</source>
        <translation>Required when cancelling</translation>
    </message>
    <message>
        <source>Write the reason: an order is never cancelled without one.</source>
        <translation>Write the reason: an order is never cancelled without one.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished">Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreCombo</name>
    <message>
        <source>— no store —</source>
        <translation>— no store —</translation>
    </message>
    <message>
        <source>%1 · lines %2 of %3, pcs %4 of %5</source>
        <translation>%1 · lines %2 of %3, pcs %4 of %5</translation>
    </message>
</context>
<context>
    <name>StorePickerDialog</name>
    <message>
        <source>Choose shipping store</source>
        <translation>Choose shipping store</translation>
    </message>
    <message>
        <source>Stores sorted by how much of the order they have free right now.</source>
        <translation>Stores sorted by how much of the order they have free right now.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Has</source>
        <translation>Has</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Ship from here</source>
        <translation>Ship from here</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 of %2 items</translation>
    </message>
    <message>
        <source>The order ships from here now</source>
        <translation>The order ships from here now</translation>
    </message>
</context>
<context>
    <name>SuggestionDelegate</name>
    <message>
        <source>Declined: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−%1 % loyalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at the store, %2 online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation type="unfinished">out of stock</translation>
    </message>
</context>
<context>
    <name>TagsSection</name>
    <message>
        <source>Add a tag and press Enter</source>
        <translation>Add a tag and press Enter</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>No tags</translation>
    </message>
    <message>
        <source>Remove the tag “%1”</source>
        <translation>Remove the tag “%1”</translation>
    </message>
</context>
<context>
    <name>Telephony</name>
    <message>
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <source>Dialing…</source>
        <translation>Dialing…</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Talking</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>incoming</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>outgoing</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Call back at…</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Cancel the order</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <source>On a call</source>
        <translation>On a call</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Lunch</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Paperwork</source>
        <translation>Paperwork</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Talk</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <source>Rec.</source>
        <translation>Rec.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Ext.</source>
        <translation>Ext.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
</context>
<context>
    <name>TelephonyDock</name>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>TelephonyGlue</name>
    <message>
        <source>Call the customer</source>
        <translation>Call the customer</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>Order %1 has no phone.</source>
        <translation>Order %1 has no phone.</translation>
    </message>
    <message>
        <source>Unknown caller: finish the open dialog, then use “New customer…”.</source>
        <translation>Unknown caller: finish the open dialog, then use “New customer…”.</translation>
    </message>
</context>
<context>
    <name>TelephonyPanel</name>
    <message>
        <source>Type the number to call first.</source>
        <translation>Type the number to call first.</translation>
    </message>
    <message>
        <source>Already dialing: wait for your phone to ring.</source>
        <translation>Already dialing: wait for your phone to ring.</translation>
    </message>
    <message>
        <source>Finish the current call first.</source>
        <translation>Finish the current call first.</translation>
    </message>
    <message>
        <source>Telephony is not set up on this console: dial %1 by hand.</source>
        <translation>Telephony is not set up on this console: dial %1 by hand.</translation>
    </message>
    <message>
        <source>Calling %1: answer your phone when it rings.</source>
        <translation>Calling %1: answer your phone when it rings.</translation>
    </message>
    <message>
        <source>The call was not placed: %1</source>
        <translation>The call was not placed: %1</translation>
    </message>
    <message>
        <source>Open an order or a customer to call first.</source>
        <translation>Open an order or a customer to call first.</translation>
    </message>
    <message>
        <source>Could not hang up: %1</source>
        <translation>Could not hang up: %1</translation>
    </message>
    <message>
        <source>Demo: %1 is calling you.</source>
        <translation>Demo: %1 is calling you.</translation>
    </message>
    <message>
        <source>Your phone rings first, then the number (Enter)</source>
        <translation>Your phone rings first, then the number (Enter)</translation>
    </message>
    <message>
        <source>Telephony is not set up on this console</source>
        <translation>Telephony is not set up on this console</translation>
    </message>
    <message>
        <source>Outcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick what came of this call for its order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to call, e.g. 8 916 123-45-67</source>
        <translation>Number to call, e.g. 8 916 123-45-67</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Make the pretend PBX call you</source>
        <translation>Make the pretend PBX call you</translation>
    </message>
    <message>
        <source>From a customer with an order to confirm</source>
        <translation>From a customer with an order to confirm</translation>
    </message>
    <message>
        <source>From an unknown number</source>
        <translation>From an unknown number</translation>
    </message>
    <message>
        <source>A call nobody answers (missed)</source>
        <translation>A call nobody answers (missed)</translation>
    </message>
    <message>
        <source>This customer&apos;s calls</source>
        <translation>This customer&apos;s calls</translation>
    </message>
    <message>
        <source>This order&apos;s calls</source>
        <translation>This order&apos;s calls</translation>
    </message>
    <message>
        <source>My calls</source>
        <translation>My calls</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>an operator</translation>
    </message>
    <message>
        <source>Calls of %1</source>
        <translation>Calls of %1</translation>
    </message>
    <message>
        <source>Call log</source>
        <translation>Call log</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Call back</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Mark the missed call as returned</source>
        <translation>Mark the missed call as returned</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>VK</source>
        <translation>VK</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>robot</source>
        <translation>robot</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <source>Order %1 placed</source>
        <translation>Order %1 placed</translation>
    </message>
    <message>
        <source>%1, now %2</source>
        <translation>%1, now %2</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>Order %1: %2</translation>
    </message>
    <message>
        <source>Order %1: %2 → %3</source>
        <translation>Order %1: %2 → %3</translation>
    </message>
    <message>
        <source>Inbound call</source>
        <translation>Inbound call</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <translation>Outbound call</translation>
    </message>
    <message>
        <source>%1 from the customer</source>
        <translation>%1 from the customer</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 sent</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Merged into customer #%1</source>
        <translation>Merged into customer #%1</translation>
    </message>
    <message>
        <source>Customer #%1 merged into this one</source>
        <translation>Customer #%1 merged into this one</translation>
    </message>
    <message>
        <source>By: %1</source>
        <translation>By: %1</translation>
    </message>
</context>
<context>
    <name>TotalsBox</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
</context>
<context>
    <name>UpsellOrdersModel</name>
    <message>
        <source>Order</source>
        <translation type="unfinished">Order</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished">Confirmed</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished">Operator</translation>
    </message>
    <message>
        <source>Cross-sell items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capsules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click: open it in the order card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpsellTableModel</name>
    <message>
        <source>Operator</source>
        <translation type="unfinished">Operator</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top capsules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken back (cancelled or returned): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserLabel</name>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free — F2 takes the next order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Confirmation workflow</source>
        <translation>Confirmation workflow</translation>
    </message>
    <message>
        <source>Order card</source>
        <translation>Order card</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Take next order</source>
        <translation>Take next order</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>Confirm order</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Call back at…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Cancel order…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Set status…</translation>
    </message>
    <message>
        <source>Release order to the queue</source>
        <translation>Release order to the queue</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Discard my changes</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Add item…</translation>
    </message>
    <message>
        <source>Remove selected item</source>
        <translation>Remove selected item</translation>
    </message>
    <message>
        <source>Choose shipping store…</source>
        <translation>Choose shipping store…</translation>
    </message>
    <message>
        <source>Cross-sell: add the suggestion to the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-sell: the customer declined…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-sell: next size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-sell: previous size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-sell: one more of the suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-sell: one fewer of the suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search orders and customers</source>
        <translation>Search orders and customers</translation>
    </message>
    <message>
        <source>Go to the queue</source>
        <translation>Go to the queue</translation>
    </message>
    <message>
        <source>Go to the order card</source>
        <translation>Go to the order card</translation>
    </message>
    <message>
        <source>Go to the customer</source>
        <translation>Go to the customer</translation>
    </message>
    <message>
        <source>Go to the cross-sell suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell by operator (managers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>New order…</translation>
    </message>
    <message>
        <source>One-click order…</source>
        <translation>One-click order…</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>New customer…</translation>
    </message>
    <message>
        <source>Call the customer</source>
        <translation>Call the customer</translation>
    </message>
    <message>
        <source>Dial a number</source>
        <translation>Dial a number</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Pause / back to available</source>
        <translation>Pause / back to available</translation>
    </message>
    <message>
        <source>Go to the phone</source>
        <translation>Go to the phone</translation>
    </message>
</context>
</TS>
