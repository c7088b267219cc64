<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Call back at…</source>
        <translation>Call back at…</translation>
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
    <name>CustomerLine</name>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
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
        <source>Refresh</source>
        <translation>Refresh</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Loaded: %1</translation>
    </message>
    <message>
        <source>Loaded: %1 of %2</source>
        <translation>Loaded: %1 of %2</translation>
    </message>
    <message>
        <source>Loaded: %1 of about %2</source>
        <translation>Loaded: %1 of about %2</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Okno</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
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
        <source>&amp;Refresh orders</source>
        <translation>&amp;Refresh orders</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Database this console works with</source>
        <translation>Database this console works with</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
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
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Type at least 2 characters</translation>
    </message>
    <message>
        <source>Enter adds the selected item</source>
        <translation>Enter adds the selected item</translation>
    </message>
</context>
<context>
    <name>OneClickOrderDialog</name>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
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
    <name>OrderCard</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Next attempt</translation>
    </message>
</context>
<context>
    <name>OrderCardPanel</name>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Call back at…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Set status…</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Discard my changes</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Add item…</translation>
    </message>
</context>
<context>
    <name>OrderItemsModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
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
        <source>Total</source>
        <translation>Total</translation>
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
    <name>OrderListPanel</name>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 orders</source>
        <translation>about %1 orders</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Load the list again from the newest order</source>
        <translation>Load the list again from the newest order</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>All orders</translation>
    </message>
    <message>
        <source>Operator queue</source>
        <translation>Operator queue</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
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
</context>
<context>
    <name>ProfileHeader</name>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
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
    <name>StorePickerDialog</name>
    <message>
        <source>Store</source>
        <translation>Store</translation>
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
        <source>Order %1 placed</source>
        <translation>Order %1 placed</translation>
    </message>
    <message>
        <source>%1, now %2</source>
        <translation>%1, now %2</translation>
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
</context>
</TS>
