<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>BusinessSettingsDialog</name>
    <message numerus="yes">
        <source>Saved: %n setting(s)</source>
        <translation>
            <numerusform>Сохранена %n настройка</numerusform>
            <numerusform>Сохранены %n настройки</numerusform>
            <numerusform>Сохранено %n настроек</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Настройка</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Что означает</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>CallBox</name>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>(+%1 more with this number)</source>
        <translation>(и ещё %1 с этим номером)</translation>
    </message>
    <message>
        <source>About order %1</source>
        <translation>По заказу %1</translation>
    </message>
    <message>
        <source>Open orders: %1</source>
        <translation>Открытые заказы: %1</translation>
    </message>
    <message>
        <source>No open orders</source>
        <translation>Открытых заказов нет</translation>
    </message>
    <message>
        <source>Incoming calls show the caller here before you answer.</source>
        <translation>Входящий звонок покажет здесь звонящего ещё до ответа.</translation>
    </message>
    <message>
        <source>Unknown number: the new-customer form is ready.</source>
        <translation>Номер неизвестен: форма нового клиента уже открыта.</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Положить трубку</translation>
    </message>
    <message>
        <source>Open the caller&apos;s profile</source>
        <translation>Открыть профиль звонящего</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>Новый клиент…</translation>
    </message>
    <message>
        <source>Nobody has this number: create the customer with it</source>
        <translation>Этого номера нет ни у кого: создать клиента с ним</translation>
    </message>
</context>
<context>
    <name>CallLists</name>
    <message>
        <source>Open a customer to see their calls.</source>
        <translation>Откройте клиента, чтобы увидеть его звонки.</translation>
    </message>
    <message>
        <source>Open an order to see its calls.</source>
        <translation>Откройте заказ, чтобы увидеть его звонки.</translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation>Звонков пока нет.</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Перезвонить</translation>
    </message>
    <message>
        <source>No missed calls to return.</source>
        <translation>Пропущенных звонков нет.</translation>
    </message>
    <message>
        <source>Choose a missed call to return.</source>
        <translation>Выберите пропущенный звонок.</translation>
    </message>
    <message>
        <source>%1 marked as called back.</source>
        <translation>%1: отмечено, что перезвонили.</translation>
    </message>
    <message>
        <source>Telephony is not set up on this console.</source>
        <translation>Телефония на этом рабочем месте не настроена.</translation>
    </message>
    <message>
        <source>No player for this recording; it is saved as %1</source>
        <translation>Нет программы для воспроизведения; запись сохранена в %1</translation>
    </message>
    <message>
        <source>Playing the recording…</source>
        <translation>Запись воспроизводится…</translation>
    </message>
    <message>
        <source>The recording could not be fetched: %1</source>
        <translation>Не удалось получить запись: %1</translation>
    </message>
    <message>
        <source>Fetching the recording…</source>
        <translation>Получаем запись…</translation>
    </message>
</context>
<context>
    <name>CallLogModel</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n звонок</numerusform>
            <numerusform>%n звонка</numerusform>
            <numerusform>%n звонков</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Call back at…</source>
        <translation>Перезвонить в…</translation>
    </message>
    <message>
        <source>When did the customer ask to be called? Time in %1 (%2).</source>
        <translation>Когда клиент просил перезвонить? Время — %1 (%2).</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Когда</translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation>&amp;Комментарий</translation>
    </message>
    <message>
        <source>Optional, e.g. “after work”</source>
        <translation>Необязательно, например «после работы»</translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation>Через 1 час</translation>
    </message>
    <message>
        <source>In 3 hours</source>
        <translation>Через 3 часа</translation>
    </message>
    <message>
        <source>Tomorrow 10:00</source>
        <translation>Завтра в 10:00</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Выберите время в будущем.</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order %1</source>
        <translation>Отмена заказа %1</translation>
    </message>
    <message>
        <source>Why is order %1 cancelled? The reason is kept with the order.</source>
        <translation>Почему отменяется заказ %1? Причина сохранится в заказе.</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Подробности</translation>
    </message>
    <message>
        <source>Optional; required for “Other reason”</source>
        <translation>Необязательно; для «Другая причина» — обязательно</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Выберите причину…</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Отменить заказ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Choose a reason: an order is never cancelled without one.</source>
        <translation>Выберите причину: без неё заказ не отменяется.</translation>
    </message>
    <message>
        <source>Write the reason in Details.</source>
        <translation>Напишите причину в поле «Подробности».</translation>
    </message>
</context>
<context>
    <name>CapsuleNameDelegate</name>
    <message>
        <source>Probably from the capsule “%1” (the order did not say)</source>
        <translation>Вероятно, из капсулы «%1» (в заказе не указано)</translation>
    </message>
</context>
<context>
    <name>CardWrites</name>
    <message>
        <source>Order %1 saved</source>
        <translation>Заказ %1 сохранён</translation>
    </message>
    <message>
        <source>Order %1 confirmed</source>
        <translation>Заказ %1 согласован</translation>
    </message>
    <message>
        <source>Order %1: no answer %2 times — cancelled, the customer is told</source>
        <translation>Заказ %1: недозвон %2 раза — отменён, клиенту отправлено сообщение</translation>
    </message>
    <message>
        <source>Order %1: no answer recorded (attempt %2)</source>
        <translation>Заказ %1: недозвон записан (попытка %2)</translation>
    </message>
    <message>
        <source>Order %1: call back at %2</source>
        <translation>Заказ %1: перезвонить в %2</translation>
    </message>
    <message>
        <source>Order %1 cancelled</source>
        <translation>Заказ %1 отменён</translation>
    </message>
    <message>
        <source>Order %1 is now “%2”</source>
        <translation>Заказ %1 теперь «%2»</translation>
    </message>
    <message>
        <source>Retry save</source>
        <translation>Сохранить ещё раз</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>No connection to the database — your changes are kept and will be offered again.</source>
        <translation>Нет связи с базой данных — ваши изменения сохранены и будут предложены снова.</translation>
    </message>
    <message>
        <source>The database is back. Your changes are still here — save them now.</source>
        <translation>Связь с базой восстановлена. Ваши изменения на месте — сохраните их.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>кто-то</translation>
    </message>
    <message>
        <source>%1 changed this order a moment ago; nothing was done. Check it and try again.</source>
        <translation>%1 только что изменил(а) этот заказ; ничего не сделано. Проверьте заказ и повторите.</translation>
    </message>
    <message>
        <source>Not saved: the order changed meanwhile. Your changes are kept.</source>
        <translation>Не сохранено: заказ успели изменить. Ваши изменения на месте.</translation>
    </message>
    <message>
        <source>Your changes were dropped; this is their version</source>
        <translation>Ваши изменения отброшены; показана их версия</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Отменить мои изменения</translation>
    </message>
    <message>
        <source>Drop your unsaved changes to this order? They cannot be brought back.</source>
        <translation>Отбросить несохранённые изменения заказа? Вернуть их будет нельзя.</translation>
    </message>
    <message>
        <source>Your changes were discarded</source>
        <translation>Ваши изменения отброшены</translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Фактически</translation>
    </message>
    <message>
        <source>The robot has not checked this order</source>
        <translation>Робот ещё не проверял этот заказ</translation>
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
        <translation>девочка</translation>
    </message>
    <message>
        <source>boy</source>
        <translation>мальчик</translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation>Имя ребёнка</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.ГГГГ</translation>
    </message>
    <message>
        <source>Remove this child</source>
        <translation>Убрать этого ребёнка</translation>
    </message>
    <message>
        <source>Give the child&apos;s name</source>
        <translation>Укажите имя ребёнка</translation>
    </message>
    <message>
        <source>“%1” is not a date (DD.MM.YYYY)</source>
        <translation>«%1» — не дата (ДД.ММ.ГГГГ)</translation>
    </message>
</context>
<context>
    <name>CommentsBox</name>
    <message>
        <source>Customer&apos;s comment</source>
        <translation>Комментарий клиента</translation>
    </message>
    <message>
        <source>&amp;Manager&apos;s comment</source>
        <translation>Комментарий &amp;менеджера</translation>
    </message>
    <message>
        <source>Notes for colleagues and the warehouse</source>
        <translation>Заметки для коллег и склада</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Order %1 was changed meanwhile</source>
        <translation>Заказ %1 успели изменить</translation>
    </message>
    <message>
        <source>%1 saved order %2 after you opened it. Nothing of yours is saved yet; choose what to keep.</source>
        <translation>%1 сохранил(а) заказ %2 после того, как вы его открыли. Ваши изменения ещё не сохранены; выберите, что оставить.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Theirs (now)</source>
        <translation>Их версия (сейчас)</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Кто изменил</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моя версия</translation>
    </message>
    <message>
        <source>Highlighted: changed on both sides. Keep mine puts your values on top of theirs; fields only they changed keep their values.</source>
        <translation>Выделено: изменено обеими сторонами. «Оставить моё» запишет ваши значения поверх их версии; поля, которые меняли только они, сохранят их значения.</translation>
    </message>
    <message>
        <source>Keep mine and save</source>
        <translation>Оставить моё и сохранить</translation>
    </message>
    <message>
        <source>Re-apply your edits on top of the new version and save again</source>
        <translation>Применить ваши правки к новой версии и сохранить снова</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Взять их версию</translation>
    </message>
    <message>
        <source>Drop your edits and show the order as saved</source>
        <translation>Отбросить ваши правки и показать заказ как сохранён</translation>
    </message>
</context>
<context>
    <name>ConnectionChip</name>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Переподключение…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
</context>
<context>
    <name>ConsoleLauncher</name>
    <message>
        <source>Preparing the database…</source>
        <translation>Подготовка базы данных…</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Окно</translation>
    </message>
    <message>
        <source>Creating the database…</source>
        <translation>Создаём базу данных…</translation>
    </message>
    <message>
        <source>Updating the database…</source>
        <translation>Обновляем базу данных…</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>Создаём демонстрационные данные…</translation>
    </message>
    <message>
        <source>Okno cannot use the database address %1: %2</source>
        <translation>Окно не может работать с базой данных по адресу %1: %2</translation>
    </message>
    <message>
        <source>This is done once.</source>
        <translation>Это делается один раз.</translation>
    </message>
    <message>
        <source>Okno cannot start</source>
        <translation>Окно не может запуститься</translation>
    </message>
</context>
<context>
    <name>CrossSellPanel</name>
    <message>
        <source>not needed</source>
        <translation>не нужно</translation>
    </message>
    <message>
        <source>too expensive</source>
        <translation>дорого</translation>
    </message>
    <message>
        <source>size not available</source>
        <translation>нет нужного размера</translation>
    </message>
    <message>
        <source>already has one</source>
        <translation>уже есть</translation>
    </message>
    <message>
        <source>will think about it</source>
        <translation>подумает</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>&amp;Размер</translation>
    </message>
    <message>
        <source>&amp;Qty</source>
        <translation>Ко&amp;л-во</translation>
    </message>
    <message>
        <source>How many to add (+ and − in the list); at most what one place has free</source>
        <translation>Сколько добавить (+ и − в списке); не больше, чем свободно в одном месте</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Add to order</source>
        <translation>Добавить в заказ</translation>
    </message>
    <message>
        <source>Add to the order as your cross-sell</source>
        <translation>Добавить в заказ как вашу допродажу</translation>
    </message>
    <message>
        <source>Declined…</source>
        <translation>Отказ…</translation>
    </message>
    <message>
        <source>The customer said no</source>
        <translation>Клиент отказался</translation>
    </message>
    <message>
        <source>↑↓ choose · ←→ size · +− quantity</source>
        <translation>↑↓ выбор · ←→ размер · +− количество</translation>
    </message>
    <message>
        <source>Looking for suggestions…</source>
        <translation>Подбираем предложения…</translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation>Допродажа</translation>
    </message>
    <message>
        <source>Open an order (F2) or a customer: what to offer them from the capsules shows here.</source>
        <translation>Откройте заказ (F2) или клиента: здесь появится, что предложить ему из капсул.</translation>
    </message>
    <message>
        <source>Suggestions could not be loaded: %1</source>
        <translation>Не удалось загрузить предложения: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) for this order</source>
        <translation>
            <numerusform>%n предложение к заказу</numerusform>
            <numerusform>%n предложения к заказу</numerusform>
            <numerusform>%n предложений к заказу</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) for this customer (no order open)</source>
        <translation>
            <numerusform>%n предложение клиенту (заказ не открыт)</numerusform>
            <numerusform>%n предложения клиенту (заказ не открыт)</numerusform>
            <numerusform>%n предложений клиенту (заказ не открыт)</numerusform>
        </translation>
    </message>
    <message>
        <source>prices with the %1 % loyalty discount</source>
        <translation>цены со скидкой по карте %1 %</translation>
    </message>
    <message>
        <source>Nothing to offer: no active capsule matches these items, or the rest of it is out of stock or already bought.</source>
        <translation>Предложить нечего: эти товары не входят в действующие капсулы, или остальное из капсулы закончилось или уже куплено.</translation>
    </message>
    <message>
        <source>Nothing to offer this customer from the capsules now.</source>
        <translation>Из капсул этому клиенту сейчас предложить нечего.</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>подходит</translation>
    </message>
    <message>
        <source>Choose a suggestion first.</source>
        <translation>Сначала выберите предложение.</translation>
    </message>
    <message>
        <source>No order open: create one (Ctrl+Shift+N) to add it.</source>
        <translation>Заказ не открыт: создайте его (Ctrl+Shift+N), чтобы добавить.</translation>
    </message>
    <message>
        <source>Already added to the order.</source>
        <translation>Уже добавлено в заказ.</translation>
    </message>
    <message>
        <source>This order can no longer change.</source>
        <translation>Этот заказ уже нельзя изменить.</translation>
    </message>
    <message>
        <source>Save your changes to the order first (Ctrl+S).</source>
        <translation>Сначала сохраните изменения заказа (Ctrl+S).</translation>
    </message>
    <message>
        <source>This size is out of stock.</source>
        <translation>Этого размера нет в наличии.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохраняем…</translation>
    </message>
    <message>
        <source>Added %1 to the order as your cross-sell</source>
        <translation>%1 — в заказе как ваша допродажа</translation>
    </message>
    <message>
        <source>The order changed a moment ago: the card shows it now. Check it and add again.</source>
        <translation>Заказ только что изменили: карточка показывает новую версию. Проверьте и добавьте ещё раз.</translation>
    </message>
    <message>
        <source>&amp;Other reason…</source>
        <translation>&amp;Другая причина…</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Why did the customer say no?</source>
        <translation>Почему клиент отказался?</translation>
    </message>
</context>
<context>
    <name>CrossSellReasons</name>
    <message>
        <source>completes “%1” with the %2 you are buying</source>
        <translation>из капсулы «%1» — к покупке: %2</translation>
    </message>
    <message>
        <source>completes “%1” with the %2 bought on %3</source>
        <translation>из капсулы «%1» — к купленному %3: %2</translation>
    </message>
    <message>
        <source>completes “%1” with the %2 bought</source>
        <translation>из капсулы «%1» — к купленному: %2</translation>
    </message>
    <message>
        <source>“%1” for %2</source>
        <translation>«%1» — для ребёнка: %2</translation>
    </message>
    <message>
        <source>from “%1”</source>
        <translation>из капсулы «%1»</translation>
    </message>
</context>
<context>
    <name>CustomerLine</name>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Позвонить на %1</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Гость</translation>
    </message>
    <message>
        <source>No customer card is linked to this order</source>
        <translation>К заказу не привязана карточка клиента</translation>
    </message>
    <message>
        <source>guest order</source>
        <translation>гостевой заказ</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Open the customer&apos;s profile</source>
        <translation>Открыть профиль клиента</translation>
    </message>
    <message>
        <source>loyalty %1 %</source>
        <translation>скидка %1 %</translation>
    </message>
</context>
<context>
    <name>CustomerMetrics</name>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>Every order the customer placed, any status.</source>
        <translation>Все заказы клиента, в любом статусе.</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Сумма покупок (LTV)</translation>
    </message>
    <message>
        <source>Sum of the totals of completed orders (delivery included), RUB.</source>
        <translation>Сумма выполненных заказов (с доставкой), ₽.</translation>
    </message>
    <message>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Lifetime value divided by the number of completed orders.</source>
        <translation>Сумма покупок, делённая на число выполненных заказов.</translation>
    </message>
    <message>
        <source>Buyout rate</source>
        <translation>Процент выкупа</translation>
    </message>
    <message>
        <source>Completed ÷ (completed + cancelled + returned), counting only orders that reached confirmation (an order cancelled before it was confirmed does not count).</source>
        <translation>Выполненные ÷ (выполненные + отменённые + возвраты), только по заказам, дошедшим до согласования (заказ, отменённый до согласования, не учитывается).</translation>
    </message>
    <message>
        <source>Decided orders</source>
        <translation>Завершённые заказы</translation>
    </message>
    <message>
        <source>Orders the buyout rate is computed from: completed, or cancelled/returned after confirmation.</source>
        <translation>Заказы, по которым считается процент выкупа: выполненные или отменённые/возвращённые после согласования.</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>Первый заказ</translation>
    </message>
    <message>
        <source>When the first order was placed.</source>
        <translation>Когда был сделан первый заказ.</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Последний заказ</translation>
    </message>
    <message>
        <source>When the latest order was placed.</source>
        <translation>Когда был сделан последний заказ.</translation>
    </message>
    <message>
        <source>Days since last order</source>
        <translation>Дней с последнего заказа</translation>
    </message>
    <message>
        <source>Whole days from the latest order to now.</source>
        <translation>Полных дней с последнего заказа до сегодня.</translation>
    </message>
    <message>
        <source>Favourite categories</source>
        <translation>Любимые категории</translation>
    </message>
    <message>
        <source>The three catalogue categories with the most items in orders that were not cancelled or returned.</source>
        <translation>Три категории каталога, из которых больше всего товаров в заказах без отмены и возврата.</translation>
    </message>
    <message>
        <source>Click &amp; collect</source>
        <translation>Самовывоз</translation>
    </message>
    <message>
        <source>Share of orders (any status) picked up in a store rather than delivered.</source>
        <translation>Доля заказов (в любом статусе), забранных в магазине, а не доставленных.</translation>
    </message>
</context>
<context>
    <name>CustomerOrdersModel</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Phone in any format, e-mail or name</source>
        <translation>Телефон в любом формате, e-mail или имя</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Введите хотя бы 2 символа</translation>
    </message>
    <message>
        <source>Enter picks the selected customer</source>
        <translation>Enter — выбрать клиента</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>Никого не найдено</translation>
    </message>
</context>
<context>
    <name>CustomerProfilePanel</name>
    <message>
        <source>Only a supervisor or an administrator can merge customers.</source>
        <translation>Объединять клиентов может только супервизор или администратор.</translation>
    </message>
    <message>
        <source>boy</source>
        <translation>мальчик</translation>
    </message>
    <message>
        <source>girl</source>
        <translation>девочка</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n года</numerusform>
            <numerusform>%n лет</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n месяц</numerusform>
            <numerusform>%n месяца</numerusform>
            <numerusform>%n месяцев</numerusform>
        </translation>
    </message>
    <message>
        <source>birthday today</source>
        <translation>день рождения сегодня</translation>
    </message>
    <message numerus="yes">
        <source>birthday %1 (in %n day(s))</source>
        <translation>
            <numerusform>день рождения %1 (через %n день)</numerusform>
            <numerusform>день рождения %1 (через %n дня)</numerusform>
            <numerusform>день рождения %1 (через %n дней)</numerusform>
        </translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Родился(ась) %1</translation>
    </message>
    <message>
        <source>No children recorded</source>
        <translation>Детей не записано</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>No longer declared in the settings; kept</source>
        <translation>Поле больше не объявлено в настройках; значение сохранено</translation>
    </message>
    <message>
        <source>No custom fields declared</source>
        <translation>Дополнительные поля не объявлены</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>до %1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>для: %1</translation>
    </message>
    <message>
        <source>No active promo codes</source>
        <translation>Действующих промокодов нет</translation>
    </message>
    <message>
        <source>Loading customer #%1…</source>
        <translation>Загружаем клиента #%1…</translation>
    </message>
    <message>
        <source>No customer selected.
Open one from an order, or search with %1.</source>
        <translation>Клиент не выбран.
Откройте его из заказа или найдите через %1.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Orders (%1)</source>
        <translation>Заказы (%1)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Find a duplicate of this customer and merge it into this one</source>
        <translation>Найти дубль этого клиента и объединить его с этой карточкой</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator can merge customers</source>
        <translation>Объединять клиентов может только супервизор или администратор</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Новый заказ</translation>
    </message>
    <message>
        <source>New order for this customer</source>
        <translation>Новый заказ для этого клиента</translation>
    </message>
    <message>
        <source>Merge a duplicate…</source>
        <translation>Объединить с дублем…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Load this customer again</source>
        <translation>Загрузить клиента заново</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Дети</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Дополнительные поля</translation>
    </message>
    <message>
        <source>Promo codes</source>
        <translation>Промокоды</translation>
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
        <translation>Сумма покупок не ниже порога VIP.</translation>
    </message>
    <message>
        <source>Prepayment only</source>
        <translation>Только предоплата</translation>
    </message>
    <message>
        <source>Buys out too few of the orders they confirm: orders are confirmed only when paid.</source>
        <translation>Выкупает слишком мало согласованных заказов: заказы согласуются только после оплаты.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>Placed the first order recently.</source>
        <translation>Недавно сделал первый заказ.</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>Спящий</translation>
    </message>
    <message>
        <source>Has not ordered for a long time.</source>
        <translation>Давно ничего не заказывал.</translation>
    </message>
</context>
<context>
    <name>CustomerTables</name>
    <message>
        <source>orders</source>
        <translation>заказы</translation>
    </message>
    <message>
        <source>phones</source>
        <translation>телефоны</translation>
    </message>
    <message>
        <source>children</source>
        <translation>дети</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>звонки</translation>
    </message>
    <message>
        <source>conversations (with their messages)</source>
        <translation>переписки (с сообщениями)</translation>
    </message>
    <message>
        <source>promo codes</source>
        <translation>промокоды</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>задачи</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>фамилия</translation>
    </message>
    <message>
        <source>patronymic</source>
        <translation>отчество</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>пол</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>сводка</translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>earned</source>
        <translation>заработано</translation>
    </message>
    <message>
        <source>No data for the period</source>
        <translation>Нет данных за период</translation>
    </message>
    <message>
        <source>No upsell credited in the period</source>
        <translation>За период допродаж не засчитано</translation>
    </message>
    <message>
        <source>Offers: %1, accepted: %2</source>
        <translation>Предложений: %1, принято: %2</translation>
    </message>
    <message>
        <source>Upsell: %1 (earned %2, pending %3)</source>
        <translation>Допродажи: %1 (заработано %2, ожидает %3)</translation>
    </message>
</context>
<context>
    <name>DeliveryForm</name>
    <message>
        <source>&amp;Delivery</source>
        <translation>&amp;Доставка</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Адрес</translation>
    </message>
    <message>
        <source>S&amp;hip from</source>
        <translation>&amp;Откуда</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>О&amp;плата</translation>
    </message>
    <message>
        <source>C&amp;ost</source>
        <translation>&amp;Стоимость</translation>
    </message>
    <message>
        <source>City, street, house, flat</source>
        <translation>Город, улица, дом, квартира</translation>
    </message>
    <message>
        <source>Delivery cost in roubles, e.g. 350 or 350,50</source>
        <translation>Стоимость доставки в рублях, например 350 или 350,50</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Статус оплаты</translation>
    </message>
</context>
<context>
    <name>GlobalSearchDialog</name>
    <message>
        <source>Order number, phone in any format, e-mail or name (at least %1 characters)</source>
        <translation>Номер заказа, телефон в любом формате, e-mail или имя (не меньше %1 символов)</translation>
    </message>
    <message>
        <source>%1 customers, %2 orders · Enter opens, Esc closes</source>
        <translation>Клиентов: %1, заказов: %2 · Enter — открыть, Esc — закрыть</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <source>Search: order number, phone, e-mail or name</source>
        <translation>Поиск: номер заказа, телефон, e-mail или имя</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>robot</source>
        <translation>робот</translation>
    </message>
    <message>
        <source>system</source>
        <translation>система</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>operators</source>
        <translation>операторы</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>супервайзер</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>менеджер</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>Demo database. Log in as %1; the password is %2.</source>
        <translation>Демо-база. Войдите как %1; пароль — %2.</translation>
    </message>
    <message>
        <source>Click a login to fill the form</source>
        <translation>Щёлкните логин, чтобы заполнить форму</translation>
    </message>
    <message>
        <source>Type your login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <source>Wrong login or password. Check the keyboard layout and Caps Lock.</source>
        <translation>Неверный логин или пароль. Проверьте раскладку клавиатуры и Caps Lock.</translation>
    </message>
    <message>
        <source>The database is not reachable, so nobody can log in now: %1</source>
        <translation>База данных недоступна, войти сейчас нельзя: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Okno — log in</source>
        <translation>Окно — вход</translation>
    </message>
    <message>
        <source>Log in to Okno</source>
        <translation>Вход в Окно</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Логин</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Пароль</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Database this console works with</source>
        <translation>База данных, с которой работает консоль</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No suggestions to offer now.</source>
        <translation>Сейчас предложить нечего.</translation>
    </message>
    <message>
        <source>Taking the next order…</source>
        <translation>Берём следующий заказ…</translation>
    </message>
    <message>
        <source>The queue is empty: no order is waiting for a call.</source>
        <translation>Очередь пуста: звонка не ждёт ни один заказ.</translation>
    </message>
    <message>
        <source>Order %1 is still yours: finish it, or release it (Ctrl+Shift+R).</source>
        <translation>Заказ %1 всё ещё ваш: завершите его или верните в очередь (Ctrl+Shift+R).</translation>
    </message>
    <message>
        <source>Order %1 is yours now.</source>
        <translation>Заказ %1 теперь ваш.</translation>
    </message>
    <message>
        <source>You hold no order.</source>
        <translation>У вас нет заказа в работе.</translation>
    </message>
    <message>
        <source>The order is back in the queue.</source>
        <translation>Заказ возвращён в очередь.</translation>
    </message>
    <message>
        <source>Press F2 for the next order.</source>
        <translation>F2 — следующий заказ.</translation>
    </message>
    <message>
        <source>You no longer hold this order: %1</source>
        <translation>Этот заказ больше не за вами: %1</translation>
    </message>
    <message>
        <source>Open the customer to keep first (search: Ctrl+K).</source>
        <translation>Сначала откройте клиента, которого оставляем (поиск: Ctrl+K).</translation>
    </message>
    <message>
        <source>About Okno</source>
        <translation>О программе Окно</translation>
    </message>
    <message>
        <source>&lt;b&gt;Okno&lt;/b&gt; %1&lt;br&gt;One window for the call center: the order queue, the order card and the customer, over one shared database.</source>
        <translation>&lt;b&gt;Окно&lt;/b&gt; %1&lt;br&gt;Одно окно для колл-центра: очередь заказов, карточка заказа и клиент — над одной общей базой данных.</translation>
    </message>
    <message>
        <source>No order open: F2 takes the next one.</source>
        <translation>Заказ не открыт: F2 берёт следующий.</translation>
    </message>
    <message>
        <source>No customer open: Ctrl+K searches.</source>
        <translation>Клиент не открыт: Ctrl+K — поиск.</translation>
    </message>
    <message>
        <source>The database is back.</source>
        <translation>База данных снова доступна.</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Окно</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Открываем…</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation>Допродажа</translation>
    </message>
    <message>
        <source>Go to the c&amp;ross-sell</source>
        <translation>К &amp;допродаже</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>О&amp;тчёты</translation>
    </message>
    <message>
        <source>&amp;Upsell by operator…</source>
        <translation>&amp;Допродажи по операторам…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Go to the &amp;queue</source>
        <translation>К &amp;очереди</translation>
    </message>
    <message>
        <source>Go to the &amp;order</source>
        <translation>К &amp;заказу</translation>
    </message>
    <message>
        <source>Go to the &amp;customer</source>
        <translation>К &amp;клиенту</translation>
    </message>
    <message>
        <source>Reset the &amp;layout</source>
        <translation>&amp;Сбросить расположение панелей</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Заказы</translation>
    </message>
    <message>
        <source>&amp;Take next order</source>
        <translation>&amp;Взять следующий заказ</translation>
    </message>
    <message>
        <source>&amp;Release order to the queue</source>
        <translation>&amp;Вернуть заказ в очередь</translation>
    </message>
    <message>
        <source>&amp;New order…</source>
        <translation>&amp;Новый заказ…</translation>
    </message>
    <message>
        <source>&amp;One-click order…</source>
        <translation>Заказ в &amp;один клик…</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>&amp;Клиенты</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Поиск…</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>&amp;Новый клиент…</translation>
    </message>
    <message>
        <source>&amp;Merge a duplicate…</source>
        <translation>&amp;Объединить с дублем…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Горячие клавиши</translation>
    </message>
    <message>
        <source>&amp;About Okno</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>Database this console works with</source>
        <translation>База данных, с которой работает консоль</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <source>Upsell by operator — Okno</source>
        <translation>Допродажи по операторам — Окно</translation>
    </message>
    <message>
        <source>Upsell by operator</source>
        <translation>Допродажи по операторам</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Период</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Даты…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Load the period again (F5)</source>
        <translation>Загрузить период заново (F5)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>По дням</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>Select an operator to see their days; Enter lists their orders</source>
        <translation>Выберите оператора, чтобы увидеть его дни; Enter — его заказы</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n оператор</numerusform>
            <numerusform>%n оператора</numerusform>
            <numerusform>%n операторов</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter or double-click an operator: their orders</source>
        <translation>Enter или двойной щелчок по оператору — его заказы</translation>
    </message>
    <message>
        <source>Everyone: %1 offers, %2 accepted (%3) · pending %4 · earned %5</source>
        <translation>Все: предложений %1, принято %2 (%3) · ожидает %4 · заработано %5</translation>
    </message>
    <message>
        <source>Upsell by day: %1</source>
        <translation>Допродажи по дням: %1</translation>
    </message>
    <message>
        <source>Upsell by day: all operators</source>
        <translation>Допродажи по дням: все операторы</translation>
    </message>
    <message>
        <source>all operators</source>
        <translation>всех операторов</translation>
    </message>
    <message>
        <source>Loading the orders of %1…</source>
        <translation>Загружаем заказы: %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) with cross-sell by %1</source>
        <translation>
            <numerusform>%n заказ с допродажей — %1</numerusform>
            <numerusform>%n заказа с допродажей — %1</numerusform>
            <numerusform>%n заказов с допродажей — %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter opens one in the order card</source>
        <translation>Enter открывает заказ в карточке</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>Экспортировать пока нечего.</translation>
    </message>
    <message>
        <source>Export the upsell table</source>
        <translation>Экспорт таблицы допродаж</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Записываем %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>%1 will be merged into %2.</source>
        <translation>%1 будет присоединён к %2.</translation>
    </message>
    <message>
        <source>Moves to #%1: %2.</source>
        <translation>Перейдёт к #%1: %2.</translation>
    </message>
    <message>
        <source>Nothing else points at #%1.</source>
        <translation>Больше ничего не привязано к #%1.</translation>
    </message>
    <message>
        <source>Numbers #%1 already has are not copied: %2.</source>
        <translation>Номера, которые уже есть у #%1, не копируются: %2.</translation>
    </message>
    <message>
        <source>Empty fields of #%1 taken from #%2: %3.</source>
        <translation>Пустые поля #%1 заполнятся из #%2: %3.</translation>
    </message>
    <message>
        <source>#%1 stays as an audit record pointing to #%2; the merge cannot be undone.</source>
        <translation>#%1 останется архивной записью со ссылкой на #%2; отменить объединение нельзя.</translation>
    </message>
    <message>
        <source>Merge a duplicate into %1</source>
        <translation>Объединить дубль с %1</translation>
    </message>
    <message>
        <source>Find the duplicate: the customer record that will be merged into %1 (its orders, phones, children, tags, notes, calls and messages move over).</source>
        <translation>Найдите дубль — карточку, которая будет объединена с %1 (её заказы, телефоны, дети, метки, заметки, звонки и сообщения перейдут сюда).</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Merge the chosen duplicate into %1</source>
        <translation>Объединить выбранный дубль с %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>MetricsSection</name>
    <message>
        <source>%1 (completed %2)</source>
        <translation>%1 (выполнено %2)</translation>
    </message>
    <message>
        <source>— (no decided orders yet)</source>
        <translation>— (пока нет завершённых заказов)</translation>
    </message>
    <message>
        <source>%1 of %2 decided orders</source>
        <translation>%1 из %2 завершённых заказов</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n order(s))</source>
        <translation>
            <numerusform>%1 (%n заказ)</numerusform>
            <numerusform>%1 (%n заказа)</numerusform>
            <numerusform>%1 (%n заказов)</numerusform>
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
        <translation>«%1» — не номер телефона</translation>
    </message>
    <message>
        <source>ext. %1</source>
        <translation>доб. %1</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address</source>
        <translation>«%1» — не адрес e-mail</translation>
    </message>
    <message>
        <source>“%1” is not a date (DD.MM.YYYY)</source>
        <translation>«%1» — не дата (ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <source>Give at least a name, a phone or an e-mail.</source>
        <translation>Укажите хотя бы имя, телефон или e-mail.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red.</source>
        <translation>Исправьте поля, отмеченные красным.</translation>
    </message>
    <message>
        <source>Similar name, same birth date: %1</source>
        <translation>Похожее имя и та же дата рождения: %1</translation>
    </message>
    <message>
        <source>This phone or e-mail already belongs to a customer. Open that customer, or create a duplicate on purpose (it is recorded who did).</source>
        <translation>Этот телефон или e-mail уже есть у клиента. Откройте его карточку или создайте дубль намеренно (будет записано, кто это сделал).</translation>
    </message>
    <message>
        <source>This may be a customer we already have. Check before creating:</source>
        <translation>Возможно, этот клиент у нас уже есть. Проверьте перед созданием:</translation>
    </message>
    <message>
        <source>Only a supervisor, a manager or an administrator can create a duplicate</source>
        <translation>Создать дубль может только супервизор, менеджер или администратор</translation>
    </message>
    <message>
        <source>Phone %1 belongs to %2</source>
        <translation>Телефон %1 принадлежит %2</translation>
    </message>
    <message>
        <source>E-mail %1 belongs to %2</source>
        <translation>E-mail %1 принадлежит %2</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Agrees to</source>
        <translation>Согласен на</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Дети</translation>
    </message>
    <message>
        <source>Add another phone</source>
        <translation>Добавить телефон</translation>
    </message>
    <message>
        <source>Add a child</source>
        <translation>Добавить ребёнка</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.ГГГГ</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <source>male</source>
        <translation>мужской</translation>
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
        <translation>мессенджеры</translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation>Открыть существующего</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Всё равно создать</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the new customer (Ctrl+Enter)</source>
        <translation>Сохранить нового клиента (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <source>No customer chosen yet</source>
        <translation>Клиент ещё не выбран</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>Клиент #%1</translation>
    </message>
    <message>
        <source>Total: %1 (loyalty discount %2 %: −%3)</source>
        <translation>Итого: %1 (скидка лояльности %2 %: −%3)</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Итого: %1</translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation>Сначала выберите клиента.</translation>
    </message>
    <message>
        <source>Add at least one item.</source>
        <translation>Добавьте хотя бы один товар.</translation>
    </message>
    <message>
        <source>Choose the store the customer picks the order up from.</source>
        <translation>Выберите магазин, где клиент заберёт заказ.</translation>
    </message>
    <message>
        <source>New order (%1)</source>
        <translation>Новый заказ (%1)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Find items</source>
        <translation>Поиск товаров</translation>
    </message>
    <message>
        <source>Order lines (Delete removes the selected one)</source>
        <translation>Позиции заказа (Delete удаляет выбранную)</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Сменить…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Shipping store</source>
        <translation>Магазин отгрузки</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Курьер</translation>
    </message>
    <message>
        <source>Pickup in store (click &amp; collect)</source>
        <translation>Самовывоз из магазина</translation>
    </message>
    <message>
        <source>Parcel locker</source>
        <translation>Постамат</translation>
    </message>
    <message>
        <source>City, street, house, flat</source>
        <translation>Город, улица, дом, квартира</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Создать заказ</translation>
    </message>
    <message>
        <source>Create the order (Ctrl+Enter)</source>
        <translation>Создать заказ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>NotesSection</name>
    <message>
        <source>A note about this customer…</source>
        <translation>Заметка о клиенте…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <source>Add note (Ctrl+Enter)</source>
        <translation>Добавить заметку (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>No notes yet</source>
        <translation>Заметок пока нет</translation>
    </message>
    <message>
        <source>system</source>
        <translation>система</translation>
    </message>
</context>
<context>
    <name>NotificationsButton</name>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n напоминание</numerusform>
            <numerusform>%n напоминания</numerusform>
            <numerusform>%n напоминаний</numerusform>
        </translation>
    </message>
    <message>
        <source>No reminders</source>
        <translation>Напоминаний нет</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Перезвонить</translation>
    </message>
    <message>
        <source>Call again</source>
        <translation>Позвонить снова</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>Nothing is due</source>
        <translation>Пока ничего</translation>
    </message>
    <message>
        <source>Call-backs and retries due for you</source>
        <translation>Ваши перезвоны и повторные звонки, срок которых настал</translation>
    </message>
</context>
<context>
    <name>OfferHitsModel</name>
    <message>
        <source>out of stock</source>
        <translation>нет в наличии</translation>
    </message>
    <message>
        <source>+%n store(s)</source>
        <translation>+%n маг.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Free stock</source>
        <translation>Свободный остаток</translation>
    </message>
</context>
<context>
    <name>OfferPicker</name>
    <message>
        <source>Item name, SKU or barcode</source>
        <translation>Название товара, артикул или штрихкод</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Введите хотя бы 2 символа</translation>
    </message>
    <message>
        <source>Enter adds the selected item</source>
        <translation>Enter — добавить товар</translation>
    </message>
    <message>
        <source>No such item on sale</source>
        <translation>Такого товара нет в продаже</translation>
    </message>
</context>
<context>
    <name>OfferPickerDialog</name>
    <message>
        <source>Add item</source>
        <translation>Добавить товар</translation>
    </message>
    <message>
        <source>Name, SKU or barcode</source>
        <translation>Название, артикул или штрихкод</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Colour / size</source>
        <translation>Цвет / размер</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Здесь</translation>
    </message>
    <message>
        <source>Free in stores</source>
        <translation>Свободно в магазинах</translation>
    </message>
    <message>
        <source>Free at the order&apos;s store (%1)</source>
        <translation>Свободно в магазине заказа (%1)</translation>
    </message>
    <message>
        <source>The order has no shipping store yet</source>
        <translation>У заказа ещё нет магазина отгрузки</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Количество</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add the selected item (Enter)</source>
        <translation>Добавить выбранный товар (Enter)</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Введите хотя бы 2 символа</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Ищем…</translation>
    </message>
    <message>
        <source>Enter adds the selected item</source>
        <translation>Enter — добавить товар</translation>
    </message>
    <message>
        <source>Nothing found for “%1”</source>
        <translation>По запросу «%1» ничего не найдено</translation>
    </message>
    <message>
        <source>none free</source>
        <translation>нигде нет</translation>
    </message>
    <message>
        <source>No store has it free</source>
        <translation>Свободного остатка нет ни в одном магазине</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline: the database is not reachable. Your unsaved changes are kept; Okno keeps trying and carries on by itself when the database is back.</source>
        <translation>Нет связи: база данных недоступна. Несохранённые изменения сохранены; Окно продолжает попытки и само продолжит работу, когда база вернётся.</translation>
    </message>
    <message>
        <source>The connection to the database was lost. Reconnecting…</source>
        <translation>Связь с базой данных потеряна. Переподключаемся…</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Проверить сейчас</translation>
    </message>
</context>
<context>
    <name>OneClickOrderDialog</name>
    <message>
        <source>“%1” is not a phone number</source>
        <translation>«%1» — не номер телефона</translation>
    </message>
    <message>
        <source>Give the customer&apos;s name.</source>
        <translation>Укажите имя клиента.</translation>
    </message>
    <message>
        <source>Give a phone number the customer can be called on.</source>
        <translation>Укажите телефон, по которому можно позвонить клиенту.</translation>
    </message>
    <message>
        <source>Choose the item.</source>
        <translation>Выберите товар.</translation>
    </message>
    <message>
        <source>One-click order (%1)</source>
        <translation>Заказ в один клик (%1)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Pick up at</source>
        <translation>Забрать в</translation>
    </message>
    <message>
        <source>How the customer introduced themselves</source>
        <translation>Как представился клиент</translation>
    </message>
    <message>
        <source>Any format: 8 (916) 123-45-67, +7 916 …</source>
        <translation>В любом формате: 8 (916) 123-45-67, +7 916 …</translation>
    </message>
    <message>
        <source>No item chosen yet</source>
        <translation>Товар ещё не выбран</translation>
    </message>
    <message>
        <source>Leave “no store” for courier delivery</source>
        <translation>Оставьте «без магазина» для доставки курьером</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Создать заказ</translation>
    </message>
    <message>
        <source>Create the order (Ctrl+Enter)</source>
        <translation>Создать заказ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>The database is not reachable: %1</source>
        <translation>База данных недоступна: %1</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime: %1</source>
        <translation>Пока вы работали, это изменил кто-то другой: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1. The details are in the log.</source>
        <translation>Что-то пошло не так: %1. Подробности — в журнале.</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Окно</translation>
    </message>
</context>
<context>
    <name>OperatorStateButton</name>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Why are you pausing? New calls will not reach you.</source>
        <translation>Почему пауза? Новые звонки не будут к вам поступать.</translation>
    </message>
    <message>
        <source>Phone: —</source>
        <translation>Телефон: —</translation>
    </message>
    <message>
        <source>Your state for incoming calls is not known yet</source>
        <translation>Ваш статус для входящих звонков пока неизвестен</translation>
    </message>
    <message>
        <source>Your state for incoming calls; click to change it</source>
        <translation>Ваш статус для входящих звонков; нажмите, чтобы сменить</translation>
    </message>
    <message>
        <source>%1 (set by the calls)</source>
        <translation>%1 (ставится звонками)</translation>
    </message>
</context>
<context>
    <name>OrderCard</name>
    <message>
        <source>Total below the auto-approval limit</source>
        <translation>Сумма ниже порога автосогласования</translation>
    </message>
    <message>
        <source>No comment from the customer</source>
        <translation>Нет комментария клиента</translation>
    </message>
    <message>
        <source>Paid (if payment is required)</source>
        <translation>Оплачен (если требуется оплата)</translation>
    </message>
    <message>
        <source>Delivery address or pickup store</source>
        <translation>Есть адрес доставки или магазин самовывоза</translation>
    </message>
    <message>
        <source>All items free at the store</source>
        <translation>Все товары свободны в магазине</translation>
    </message>
    <message>
        <source>Customer not on prepayment only</source>
        <translation>Клиент не на «только предоплате»</translation>
    </message>
    <message>
        <source>no comment</source>
        <translation>без комментария</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>оплачен</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>не оплачен</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <source>address or pickup store</source>
        <translation>адрес или магазин самовывоза</translation>
    </message>
    <message>
        <source>pickup store</source>
        <translation>магазин самовывоза</translation>
    </message>
    <message>
        <source>all items free at the store</source>
        <translation>все товары свободны в магазине</translation>
    </message>
    <message>
        <source>no shipping store</source>
        <translation>магазин не выбран</translation>
    </message>
    <message>
        <source>no items</source>
        <translation>нет товаров</translation>
    </message>
    <message>
        <source>all available</source>
        <translation>всё в наличии</translation>
    </message>
    <message>
        <source>paid, or customer not on prepayment only</source>
        <translation>оплачен, или клиент не на «только предоплате»</translation>
    </message>
    <message>
        <source>prepayment only, unpaid</source>
        <translation>только предоплата, не оплачен</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>в порядке</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Курьер</translation>
    </message>
    <message>
        <source>Pickup in store</source>
        <translation>Самовывоз из магазина</translation>
    </message>
    <message>
        <source>Parcel locker</source>
        <translation>Постамат</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Не оплачен</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачен</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращены деньги</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Не выбран</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Card on delivery</source>
        <translation>Картой при получении</translation>
    </message>
    <message>
        <source>Card online</source>
        <translation>Картой онлайн</translation>
    </message>
    <message>
        <source>Fast payment (SBP)</source>
        <translation>СБП</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Delivery cost</source>
        <translation>Стоимость доставки</translation>
    </message>
    <message>
        <source>Shipping store</source>
        <translation>Магазин отгрузки</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Manager comment</source>
        <translation>Комментарий менеджера</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Товары на сумму</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Имя получателя</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Телефон получателя</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>E-mail получателя</translation>
    </message>
    <message>
        <source>Cancel reason</source>
        <translation>Причина отмены</translation>
    </message>
    <message>
        <source>No-answer attempts</source>
        <translation>Попыток недозвона</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>След. попытка</translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation>Перезвонить в</translation>
    </message>
    <message>
        <source>Stock reserved</source>
        <translation>Товар зарезервирован</translation>
    </message>
    <message>
        <source>Reserved until</source>
        <translation>Резерв до</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>Клиент передумал</translation>
    </message>
    <message>
        <source>Found it cheaper elsewhere</source>
        <translation>Нашёл дешевле</translation>
    </message>
    <message>
        <source>Delivery time does not suit</source>
        <translation>Не устроил срок доставки</translation>
    </message>
    <message>
        <source>Items out of stock</source>
        <translation>Нет товара в наличии</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>Дубль заказа</translation>
    </message>
    <message>
        <source>Test or fake order</source>
        <translation>Тестовый или ложный заказ</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Другая причина</translation>
    </message>
    <message>
        <source>(not changed)</source>
        <translation>(не менялось)</translation>
    </message>
</context>
<context>
    <name>OrderCardPanel</name>
    <message>
        <source>Confirm</source>
        <translation>Согласовать</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Недозвон</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Перезвонить в…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Отменить…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Сменить статус…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Отменить мои изменения</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Добавить товар…</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Удалить товар</translation>
    </message>
    <message>
        <source>Choose store…</source>
        <translation>Выбрать магазин…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Delivery and payment</source>
        <translation>Доставка и оплата</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Комментарии</translation>
    </message>
    <message>
        <source>Robot checks</source>
        <translation>Проверки робота</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>История статусов</translation>
    </message>
    <message>
        <source>No order open. Take the next one (F2) or pick one in the queue.</source>
        <translation>Заказ не открыт. Возьмите следующий (F2) или выберите в очереди.</translation>
    </message>
    <message>
        <source>Someone else changed this order while you were editing. Your changes are kept; Save will show both versions.</source>
        <translation>Пока вы редактировали, заказ изменил кто-то другой. Ваши изменения на месте; при сохранении будут показаны обе версии.</translation>
    </message>
    <message>
        <source>No connection to the database — the order could not be loaded.</source>
        <translation>Нет связи с базой данных — заказ не загрузился.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>ваш</translation>
    </message>
    <message>
        <source>taken by %1</source>
        <translation>в работе у: %1</translation>
    </message>
    <message numerus="yes">
        <source>no answer: %n attempt(s)</source>
        <translation>
            <numerusform>недозвон: %n попытка</numerusform>
            <numerusform>недозвон: %n попытки</numerusform>
            <numerusform>недозвон: %n попыток</numerusform>
        </translation>
    </message>
    <message>
        <source>next call %1</source>
        <translation>следующий звонок %1</translation>
    </message>
    <message>
        <source>call back at %1</source>
        <translation>перезвонить в %1</translation>
    </message>
    <message>
        <source>reserved until %1</source>
        <translation>резерв до %1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>причина: %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Создан %1</translation>
    </message>
    <message>
        <source>Robot stopped it: %1</source>
        <translation>Робот остановил: %1</translation>
    </message>
    <message>
        <source>(expected %1)</source>
        <translation>(ожидалось: %1)</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n минуту назад</numerusform>
            <numerusform>%n минуты назад</numerusform>
            <numerusform>%n минут назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n час назад</numerusform>
            <numerusform>%n часа назад</numerusform>
            <numerusform>%n часов назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
    <message>
        <source>No store chosen</source>
        <translation>Магазин не выбран</translation>
    </message>
    <message>
        <source>Store #%1</source>
        <translation>Магазин №%1</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>есть %1 из %2 поз.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохраняем…</translation>
    </message>
    <message>
        <source>Unsaved changes (made on an older version)</source>
        <translation>Есть несохранённые изменения (сделаны в старой версии)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Есть несохранённые изменения</translation>
    </message>
    <message>
        <source>Taken by %1: only they can work this order now</source>
        <translation>В работе у: %1 — сейчас с заказом может работать только этот оператор</translation>
    </message>
    <message>
        <source>Type an amount in roubles, e.g. 350 or 350,50</source>
        <translation>Введите сумму в рублях, например 350 или 350,50</translation>
    </message>
    <message>
        <source>Could not keep a copy of your changes on disk: %1</source>
        <translation>Не удалось сохранить копию ваших изменений на диск: %1</translation>
    </message>
    <message>
        <source>You have unsaved changes from %1.</source>
        <translation>У вас есть несохранённые изменения от %1.</translation>
    </message>
    <message>
        <source>The order has changed since; saving them will show both versions.</source>
        <translation>С тех пор заказ изменился; при сохранении будут показаны обе версии.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
    <message>
        <source>Your unsaved changes are back</source>
        <translation>Несохранённые изменения восстановлены</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Добавлено: %1</translation>
    </message>
    <message>
        <source>Looking up stock in the stores…</source>
        <translation>Смотрим остатки в магазинах…</translation>
    </message>
</context>
<context>
    <name>OrderErrors</name>
    <message>
        <source>Order %1 was not found.</source>
        <translation>Заказ %1 не найден.</translation>
    </message>
    <message>
        <source>Order %1: your role may not move it from “%2” to “%3”.</source>
        <translation>Заказ %1: вашей роли нельзя перевести его из «%2» в «%3».</translation>
    </message>
    <message>
        <source>Order %1: cancelling needs a reason.</source>
        <translation>Заказ %1: для отмены нужна причина.</translation>
    </message>
    <message>
        <source>Order %1: not enough stock: %2</source>
        <translation>Заказ %1: не хватает товара: %2</translation>
    </message>
    <message>
        <source>Order %1 was changed by someone else meanwhile (your version %2, now %3); nothing of yours was written.</source>
        <translation>Заказ %1 тем временем изменил кто-то другой (ваша версия %2, сейчас %3); ваши изменения не записаны.</translation>
    </message>
</context>
<context>
    <name>OrderItemsModel</name>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Colour / size</source>
        <translation>Цвет / размер</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Своб.</translation>
    </message>
    <message>
        <source>cross-sell</source>
        <translation>допродажа</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>From the capsule “%1”</source>
        <translation>Из капсулы «%1»</translation>
    </message>
    <message>
        <source>Added as a cross-sell</source>
        <translation>Добавлен как допродажа</translation>
    </message>
    <message>
        <source>Added now, not saved yet</source>
        <translation>Добавлен сейчас, ещё не сохранён</translation>
    </message>
    <message>
        <source>Loyalty discount %1 % (changes with the quantity)</source>
        <translation>Скидка по карте %1 % (меняется вместе с количеством)</translation>
    </message>
    <message>
        <source>Discount typed in by hand; clear the field for the loyalty discount</source>
        <translation>Скидка введена вручную; очистите поле, чтобы вернуть скидку по карте</translation>
    </message>
    <message>
        <source>No shipping store chosen</source>
        <translation>Магазин отгрузки не выбран</translation>
    </message>
    <message>
        <source>Only %1 free at the shipping store, %2 wanted</source>
        <translation>В магазине отгрузки свободно только %1, нужно %2</translation>
    </message>
    <message>
        <source>Free at the shipping store</source>
        <translation>Свободно в магазине отгрузки</translation>
    </message>
    <message>
        <source>Type or use the arrows; Enter applies</source>
        <translation>Введите число или используйте стрелки; Enter — применить</translation>
    </message>
    <message>
        <source>The quantity must be between 1 and %1 (remove the line instead)</source>
        <translation>Количество — от 1 до %1 (чтобы убрать товар, удалите строку)</translation>
    </message>
    <message>
        <source>The discount must be an amount between 0 and %1</source>
        <translation>Скидка — сумма от 0 до %1</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>OrderSource</name>
    <message>
        <source>Web shop</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>Приложение</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>One click</source>
        <translation>В один клик</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Звонок</translation>
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
        <translation>Номер</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>След. попытка</translation>
    </message>
    <message>
        <source>Being worked on by %1</source>
        <translation>В работе у оператора %1</translation>
    </message>
    <message>
        <source>You are working on this order</source>
        <translation>Этот заказ в работе у вас</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>After the call: order %1</source>
        <translation>После звонка: заказ %1</translation>
    </message>
    <message>
        <source>talked %1</source>
        <translation>разговор %1</translation>
    </message>
    <message>
        <source>the call ended without talk</source>
        <translation>звонок закончился без разговора</translation>
    </message>
    <message>
        <source>How did the call about order %1 go?</source>
        <translation>Чем закончился звонок по заказу %1?</translation>
    </message>
    <message>
        <source>The customer agreed: the order is confirmed and goes on.</source>
        <translation>Клиент согласен: заказ согласован и идёт дальше.</translation>
    </message>
    <message>
        <source>Nobody answered: an SMS goes to the customer and the order comes back for another attempt later.</source>
        <translation>Никто не ответил: клиенту уйдёт SMS, а заказ позже вернётся для новой попытки.</translation>
    </message>
    <message>
        <source>The customer asked to be called later: choose when next.</source>
        <translation>Клиент просит перезвонить: время выберете дальше.</translation>
    </message>
    <message>
        <source>The number does not reach this customer: the order is cancelled as “wrong number”.</source>
        <translation>Номер не принадлежит клиенту: заказ отменяется с причиной «неверный номер».</translation>
    </message>
    <message>
        <source>The customer does not want the order: a reason is asked next.</source>
        <translation>Клиент отказывается от заказа: причину спросим дальше.</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Комментарий (необязательно)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Close without recording; the order keeps its state and stays yours</source>
        <translation>Закрыть без записи; заказ не меняется и остаётся за вами</translation>
    </message>
</context>
<context>
    <name>OutcomeFlow</name>
    <message>
        <source>A call ended without an outcome: pick it now.</source>
        <translation>Звонок завершился без итога: выберите его сейчас.</translation>
    </message>
    <message>
        <source>This call&apos;s order is no longer waiting for an outcome.</source>
        <translation>Заказ этого звонка уже не ждёт итога.</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>Заказ %1: %2</translation>
    </message>
    <message>
        <source>The outcome was not saved: %1</source>
        <translation>Итог звонка не сохранён: %1</translation>
    </message>
</context>
<context>
    <name>ProfileHeader</name>
    <message>
        <source>mobile</source>
        <translation>мобильный</translation>
    </message>
    <message>
        <source>work</source>
        <translation>рабочий</translation>
    </message>
    <message>
        <source>home</source>
        <translation>домашний</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>дата рождения %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n year(s))</source>
        <translation>
            <numerusform>(%n год)</numerusform>
            <numerusform>(%n года)</numerusform>
            <numerusform>(%n лет)</numerusform>
        </translation>
    </message>
    <message>
        <source>loyalty discount %1</source>
        <translation>скидка лояльности %1</translation>
    </message>
    <message>
        <source>no loyalty discount</source>
        <translation>без скидки лояльности</translation>
    </message>
    <message>
        <source>This is an audit record: merged into #%1 on %2 by %3.</source>
        <translation>Это архивная запись: объединена с #%1 %2, кто: %3.</translation>
    </message>
    <message>
        <source>Open #%1</source>
        <translation>Открыть #%1</translation>
    </message>
    <message>
        <source>no e-mail</source>
        <translation>нет e-mail</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>нет телефона</translation>
    </message>
    <message>
        <source>ext. %1</source>
        <translation>доб. %1</translation>
    </message>
    <message>
        <source>As given: %1</source>
        <translation>Как указан: %1</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>основной</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Позвонить на %1</translation>
    </message>
    <message>
        <source>Tagged “prepayment_only” by staff.</source>
        <translation>Сотрудник поставил метку «prepayment_only».</translation>
    </message>
    <message>
        <source>Lifetime value %1 ≥ %2.</source>
        <translation>Сумма покупок %1 ≥ %2.</translation>
    </message>
    <message>
        <source>Buyout %1 is below %2 over %3 decided orders.</source>
        <translation>Выкуп %1 ниже %2 по %3 завершённым заказам.</translation>
    </message>
    <message numerus="yes">
        <source>First order within %n day(s).</source>
        <translation>
            <numerusform>Первый заказ — в пределах %n дня.</numerusform>
            <numerusform>Первый заказ — в пределах %n дней.</numerusform>
            <numerusform>Первый заказ — в пределах %n дней.</numerusform>
        </translation>
    </message>
    <message>
        <source>No order for %1 days (%2 or more make a customer dormant).</source>
        <translation>Нет заказов %1 дн. (от %2 дн. клиент считается спящим).</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>Any</source>
        <translation>Любой</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Статус</translation>
    </message>
    <message>
        <source>So&amp;urce</source>
        <translation>&amp;Источник</translation>
    </message>
    <message>
        <source>St&amp;ore</source>
        <translation>&amp;Магазин</translation>
    </message>
    <message>
        <source>Crea&amp;ted</source>
        <translation>&amp;Создан</translation>
    </message>
    <message>
        <source>O&amp;perator</source>
        <translation>&amp;Оператор</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Даты…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>From this day</source>
        <translation>С этого дня</translation>
    </message>
    <message>
        <source>To this day (inclusive)</source>
        <translation>По этот день включительно</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln заказ</numerusform>
            <numerusform>%Ln заказа</numerusform>
            <numerusform>%Ln заказов</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 orders</source>
        <translation>около %1 заказов</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Filter by status, source, store, date and operator</source>
        <translation>Фильтр по статусу, источнику, магазину, дате и оператору</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>Моя работа</translation>
    </message>
    <message>
        <source>Needs confirmation</source>
        <translation>Требуют согласования</translation>
    </message>
    <message>
        <source>No answer — due</source>
        <translation>Недозвон — пора звонить</translation>
    </message>
    <message>
        <source>Click &amp; collect</source>
        <translation>Самовывоз</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Все заказы</translation>
    </message>
    <message>
        <source>Which orders the queue shows</source>
        <translation>Какие заказы показывает очередь</translation>
    </message>
    <message>
        <source>Click Created or Next attempt to sort; right-click to choose columns</source>
        <translation>Щёлкните «Создан» или «Следующая попытка», чтобы отсортировать; правая кнопка — выбор столбцов</translation>
    </message>
</context>
<context>
    <name>RowsLabel</name>
    <message>
        <source>Loaded: %1</source>
        <translation>Загружено: %1</translation>
    </message>
    <message>
        <source>Loaded: %1 of %2</source>
        <translation>Загружено: %1 из %2</translation>
    </message>
    <message>
        <source>Loaded: %1 of about %2</source>
        <translation>Загружено: %1 из примерно %2</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
</context>
<context>
    <name>SetStatusDialog</name>
    <message>
        <source>Set status</source>
        <translation>Сменить статус</translation>
    </message>
    <message>
        <source>Now: %1. You may move the order to:</source>
        <translation>Сейчас: %1. Заказ можно перевести в:</translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation>&amp;Комментарий</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <source>Required when cancelling</source>
        <translation>Обязательна при отмене</translation>
    </message>
    <message>
        <source>Write the reason: an order is never cancelled without one.</source>
        <translation>Напишите причину: без неё заказ не отменяется.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Горячие клавиши</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>StoreCombo</name>
    <message>
        <source>— no store —</source>
        <translation>— без магазина —</translation>
    </message>
    <message>
        <source>%1 · lines %2 of %3, pcs %4 of %5</source>
        <translation>%1 · позиций %2 из %3, шт. %4 из %5</translation>
    </message>
</context>
<context>
    <name>StorePickerDialog</name>
    <message>
        <source>Choose shipping store</source>
        <translation>Выбор магазина отгрузки</translation>
    </message>
    <message>
        <source>Stores sorted by how much of the order they have free right now.</source>
        <translation>Магазины отсортированы по тому, сколько товаров заказа в них свободно прямо сейчас.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Has</source>
        <translation>Есть</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Штук</translation>
    </message>
    <message>
        <source>Ship from here</source>
        <translation>Отгрузить отсюда</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 из %2 поз.</translation>
    </message>
    <message>
        <source>The order ships from here now</source>
        <translation>Сейчас заказ отгружается отсюда</translation>
    </message>
</context>
<context>
    <name>SuggestionDelegate</name>
    <message>
        <source>Declined: %1</source>
        <translation>Отказ: %1</translation>
    </message>
    <message>
        <source>Added to the order</source>
        <translation>Добавлено в заказ</translation>
    </message>
    <message>
        <source>Size %1</source>
        <translation>Размер %1</translation>
    </message>
    <message>
        <source>−%1 % loyalty</source>
        <translation>−%1 % по карте</translation>
    </message>
    <message>
        <source>%1 at the store, %2 online</source>
        <translation>%1 в магазине, %2 онлайн</translation>
    </message>
    <message>
        <source>%1 at the store</source>
        <translation>%1 в магазине</translation>
    </message>
    <message>
        <source>%1 online</source>
        <translation>%1 онлайн</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>нет в наличии</translation>
    </message>
</context>
<context>
    <name>TagsSection</name>
    <message>
        <source>Add a tag and press Enter</source>
        <translation>Введите метку и нажмите Enter</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>Меток нет</translation>
    </message>
    <message>
        <source>Remove the tag “%1”</source>
        <translation>Убрать метку «%1»</translation>
    </message>
</context>
<context>
    <name>Telephony</name>
    <message>
        <source>No call</source>
        <translation>Нет звонка</translation>
    </message>
    <message>
        <source>Dialing…</source>
        <translation>Набор…</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Звонит</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>На удержании</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>отвечен</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>занято</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не прошёл</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>входящий</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>исходящий</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Согласован</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Недозвон</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Перезвонить в…</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Неверный номер</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Отменить заказ</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Свободен</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Постобработка</translation>
    </message>
    <message>
        <source>On a call</source>
        <translation>Разговаривает</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Не в сети</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Перерыв</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Обед</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Paperwork</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <source>Rec.</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Ext.</source>
        <translation>Доб.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Сколько</translation>
    </message>
</context>
<context>
    <name>TelephonyDock</name>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
</context>
<context>
    <name>TelephonyGlue</name>
    <message>
        <source>Call the customer</source>
        <translation>Позвонить клиенту</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Телефон</translation>
    </message>
    <message>
        <source>Order %1 has no phone.</source>
        <translation>В заказе %1 нет телефона.</translation>
    </message>
    <message>
        <source>Unknown caller: finish the open dialog, then use “New customer…”.</source>
        <translation>Звонит неизвестный номер: закончите открытое окно, затем нажмите «Новый клиент…».</translation>
    </message>
</context>
<context>
    <name>TelephonyPanel</name>
    <message>
        <source>Type the number to call first.</source>
        <translation>Сначала наберите номер.</translation>
    </message>
    <message>
        <source>Already dialing: wait for your phone to ring.</source>
        <translation>Уже набираем: дождитесь звонка своего телефона.</translation>
    </message>
    <message>
        <source>Finish the current call first.</source>
        <translation>Сначала завершите текущий звонок.</translation>
    </message>
    <message>
        <source>Telephony is not set up on this console: dial %1 by hand.</source>
        <translation>Телефония на этом рабочем месте не настроена: наберите %1 вручную.</translation>
    </message>
    <message>
        <source>Calling %1: answer your phone when it rings.</source>
        <translation>Звоним на %1: ответьте, когда зазвонит ваш телефон.</translation>
    </message>
    <message>
        <source>The call was not placed: %1</source>
        <translation>Звонок не состоялся: %1</translation>
    </message>
    <message>
        <source>Open an order or a customer to call first.</source>
        <translation>Сначала откройте заказ или клиента.</translation>
    </message>
    <message>
        <source>Could not hang up: %1</source>
        <translation>Не удалось положить трубку: %1</translation>
    </message>
    <message>
        <source>Demo: %1 is calling you.</source>
        <translation>Демо: вам звонит %1.</translation>
    </message>
    <message>
        <source>Your phone rings first, then the number (Enter)</source>
        <translation>Сначала зазвонит ваш телефон, затем номер (Enter)</translation>
    </message>
    <message>
        <source>Telephony is not set up on this console</source>
        <translation>Телефония на этом рабочем месте не настроена</translation>
    </message>
    <message>
        <source>Outcome…</source>
        <translation>Итог звонка…</translation>
    </message>
    <message>
        <source>Pick what came of this call for its order</source>
        <translation>Выбрать, чем закончился звонок по заказу</translation>
    </message>
    <message>
        <source>Number to call, e.g. 8 916 123-45-67</source>
        <translation>Номер, например 8 916 123-45-67</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <source>Make the pretend PBX call you</source>
        <translation>Пусть учебная АТС вам позвонит</translation>
    </message>
    <message>
        <source>From a customer with an order to confirm</source>
        <translation>От клиента с заказом на согласовании</translation>
    </message>
    <message>
        <source>From an unknown number</source>
        <translation>С неизвестного номера</translation>
    </message>
    <message>
        <source>A call nobody answers (missed)</source>
        <translation>Звонок без ответа (пропущенный)</translation>
    </message>
    <message>
        <source>This customer&apos;s calls</source>
        <translation>Звонки клиента</translation>
    </message>
    <message>
        <source>This order&apos;s calls</source>
        <translation>Звонки по заказу</translation>
    </message>
    <message>
        <source>My calls</source>
        <translation>Мои звонки</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>оператора</translation>
    </message>
    <message>
        <source>Calls of %1</source>
        <translation>Звонки: %1</translation>
    </message>
    <message>
        <source>Call log</source>
        <translation>Журнал звонков</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Перезвонить</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Mark the missed call as returned</source>
        <translation>Отметить, что перезвонили</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
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
        <translation>ВКонтакте</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>robot</source>
        <translation>робот</translation>
    </message>
    <message>
        <source>system</source>
        <translation>система</translation>
    </message>
    <message>
        <source>Order %1 placed</source>
        <translation>Оформлен заказ %1</translation>
    </message>
    <message>
        <source>%1, now %2</source>
        <translation>%1, теперь %2</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>Заказ %1: %2</translation>
    </message>
    <message>
        <source>Order %1: %2 → %3</source>
        <translation>Заказ %1: %2 → %3</translation>
    </message>
    <message>
        <source>Inbound call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <translation>Исходящий звонок</translation>
    </message>
    <message>
        <source>%1 from the customer</source>
        <translation>%1 от клиента</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 отправлено</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Merged into customer #%1</source>
        <translation>Объединён с клиентом #%1</translation>
    </message>
    <message>
        <source>Customer #%1 merged into this one</source>
        <translation>Клиент #%1 присоединён к этому</translation>
    </message>
    <message>
        <source>By: %1</source>
        <translation>Кто: %1</translation>
    </message>
</context>
<context>
    <name>TotalsBox</name>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Товары на сумму</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
</context>
<context>
    <name>UpsellOrdersModel</name>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждён</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Cross-sell items</source>
        <translation>Позиций допродажи</translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation>Допродажа</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Зачёт</translation>
    </message>
    <message>
        <source>Capsules</source>
        <translation>Капсулы</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>earned</source>
        <translation>заработано</translation>
    </message>
    <message>
        <source>taken back</source>
        <translation>снято</translation>
    </message>
    <message>
        <source>Enter or double-click: open it in the order card</source>
        <translation>Enter или двойной щелчок — открыть в карточке заказа</translation>
    </message>
</context>
<context>
    <name>UpsellTableModel</name>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Предложено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Заработано</translation>
    </message>
    <message>
        <source>Top capsules</source>
        <translation>Лучшие капсулы</translation>
    </message>
    <message>
        <source>Taken back (cancelled or returned): %1</source>
        <translation>Снято (отмена или возврат): %1</translation>
    </message>
</context>
<context>
    <name>UserLabel</name>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>супервайзер</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>менеджер</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>on order %1</source>
        <translation>в работе заказ %1</translation>
    </message>
    <message>
        <source>free — F2 takes the next order</source>
        <translation>свободен — F2 берёт следующий заказ</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>Вход выполнен: %1</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Confirmation workflow</source>
        <translation>Согласование заказа</translation>
    </message>
    <message>
        <source>Order card</source>
        <translation>Карточка заказа</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Переходы</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создание</translation>
    </message>
    <message>
        <source>Take next order</source>
        <translation>Взять следующий заказ</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>Согласовать заказ</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Недозвон</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Перезвонить в…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Отменить заказ…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Сменить статус…</translation>
    </message>
    <message>
        <source>Release order to the queue</source>
        <translation>Вернуть заказ в очередь</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Отменить мои изменения</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Добавить товар…</translation>
    </message>
    <message>
        <source>Remove selected item</source>
        <translation>Удалить выбранный товар</translation>
    </message>
    <message>
        <source>Choose shipping store…</source>
        <translation>Выбрать магазин отгрузки…</translation>
    </message>
    <message>
        <source>Cross-sell: add the suggestion to the order</source>
        <translation>Допродажа: добавить предложение в заказ</translation>
    </message>
    <message>
        <source>Cross-sell: the customer declined…</source>
        <translation>Допродажа: клиент отказался…</translation>
    </message>
    <message>
        <source>Cross-sell: next size</source>
        <translation>Допродажа: следующий размер</translation>
    </message>
    <message>
        <source>Cross-sell: previous size</source>
        <translation>Допродажа: предыдущий размер</translation>
    </message>
    <message>
        <source>Cross-sell: one more of the suggestion</source>
        <translation>Допродажа: на одну штуку больше</translation>
    </message>
    <message>
        <source>Cross-sell: one fewer of the suggestion</source>
        <translation>Допродажа: на одну штуку меньше</translation>
    </message>
    <message>
        <source>Search orders and customers</source>
        <translation>Поиск заказов и клиентов</translation>
    </message>
    <message>
        <source>Go to the queue</source>
        <translation>Перейти к очереди</translation>
    </message>
    <message>
        <source>Go to the order card</source>
        <translation>Перейти к карточке заказа</translation>
    </message>
    <message>
        <source>Go to the customer</source>
        <translation>Перейти к клиенту</translation>
    </message>
    <message>
        <source>Go to the cross-sell suggestions</source>
        <translation>К предложениям допродажи</translation>
    </message>
    <message>
        <source>Upsell by operator (managers)</source>
        <translation>Допродажи по операторам (руководителям)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>Новый заказ…</translation>
    </message>
    <message>
        <source>One-click order…</source>
        <translation>Заказ в один клик…</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>Новый клиент…</translation>
    </message>
    <message>
        <source>Call the customer</source>
        <translation>Позвонить клиенту</translation>
    </message>
    <message>
        <source>Dial a number</source>
        <translation>Набрать номер</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Положить трубку</translation>
    </message>
    <message>
        <source>Pause / back to available</source>
        <translation>Пауза / снова свободен</translation>
    </message>
    <message>
        <source>Go to the phone</source>
        <translation>Перейти к телефону</translation>
    </message>
</context>
</TS>
