<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<!-- A few of the newer messages in German, for tst_domain_message_text only,
     installed on top of the console's own translation until
     translations/gatehouse_*.ts have them. The sources must be the texts of
     app/domain/domain_messages.h and of the console's tr() calls word for
     word, in their contexts. -->
<context>
    <name>DomainMessage</name>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>version &apos;%1&apos; is not supported (3.0 or 3.1)</source>
        <translation>Version „%1“ wird nicht unterstützt (3.0 oder 3.1)</translation>
    </message>
    <message>
        <source>no operations to route</source>
        <translation>keine Operationen zum Weiterleiten</translation>
    </message>
    <message>
        <source>document%1</source>
        <translation>Dokument%1</translation>
    </message>
    <message>
        <source>%1 is not a whole number of seconds</source>
        <translation>%1 ist keine ganze Zahl von Sekunden</translation>
    </message>
    <message>
        <source>default_ttl is longer than max_ttl</source>
        <translation>default_ttl ist länger als max_ttl</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>no team &apos;%1&apos;</source>
        <translation>kein Team „%1“</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiDetailPane</name>
    <message>
        <source>The subscribers could not be loaded: the catalog database reported an error. Try again later; point at this text for the details.</source>
        <translation>Die Abonnenten konnten nicht geladen werden: Die Katalogdatenbank hat einen Fehler gemeldet. Versuchen Sie es später erneut; die Einzelheiten stehen im Tooltip dieses Textes.</translation>
    </message>
    <message>
        <source>The plans could not be loaded: the catalog database reported an error. Point at this text for the details.</source>
        <translation>Die Tarife konnten nicht geladen werden: Die Katalogdatenbank hat einen Fehler gemeldet. Die Einzelheiten stehen im Tooltip dieses Textes.</translation>
    </message>
    <message>
        <source>Details from the catalog database: %1</source>
        <translation>Einzelheiten der Katalogdatenbank: %1</translation>
    </message>
</context>
</TS>
