<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<!-- A few domain templates in German, for tst_domain_message_text only: the
     console's real translations are translations/gatehouse_*.ts. The sources
     must be the templates of app/domain/domain_messages.h word for word. -->
<context>
    <name>DomainMessage</name>
    <message>
        <source>a team keeps at least one owner</source>
        <translation>Ein Team behält mindestens einen Eigentümer</translation>
    </message>
    <message>
        <source>team &apos;%1&apos; already exists</source>
        <translation>Das Team „%1“ gibt es schon</translation>
    </message>
    <message>
        <source>the API is already %1</source>
        <translation>Die API ist bereits %1</translation>
    </message>
    <message>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
</context>
</TS>
