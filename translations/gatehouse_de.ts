<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ConsoleSettings</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>DomainMessage</name>
    <message>
        <source>draft</source>
        <extracomment>An API lifecycle state, inserted into other messages (&quot;the API is %1&quot;).</extracomment>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>published</source>
        <extracomment>An API lifecycle state, inserted into other messages (&quot;the API is %1&quot;).</extracomment>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <source>deprecated</source>
        <extracomment>An API lifecycle state, inserted into other messages (&quot;the API is %1&quot;).</extracomment>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>retired</source>
        <extracomment>An API lifecycle state, inserted into other messages (&quot;the API is %1&quot;).</extracomment>
        <translation>eingestellt</translation>
    </message>
    <message>
        <source>pending</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>approved</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>rejected</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>suspended</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>ausgesetzt</translation>
    </message>
    <message>
        <source>revoked</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>a pending subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>ein ausstehendes Abonnement</translation>
    </message>
    <message>
        <source>an approved subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>ein genehmigtes Abonnement</translation>
    </message>
    <message>
        <source>a rejected subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>ein abgelehntes Abonnement</translation>
    </message>
    <message>
        <source>a suspended subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>ein ausgesetztes Abonnement</translation>
    </message>
    <message>
        <source>a revoked subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>ein widerrufenes Abonnement</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; (id %2) has no account in this catalog</source>
        <extracomment>%1 is a user name, %2 its numeric id.</extracomment>
        <translation>Benutzer „%1“ (ID %2) hat kein Konto in diesem Katalog</translation>
    </message>
    <message>
        <source>user id %1 has no account in this catalog</source>
        <extracomment>%1 is a numeric user id.</extracomment>
        <translation>Benutzer-ID %1 hat kein Konto in diesem Katalog</translation>
    </message>
    <message>
        <source>cannot write the audit log: %1</source>
        <extracomment>%1 is the database&apos;s own error message (English, from the driver).</extracomment>
        <translation>das Audit-Log kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>only admins may read the audit log</source>
        <translation>nur Administratoren dürfen das Audit-Log lesen</translation>
    </message>
    <message>
        <source>no such user</source>
        <translation>diesen Benutzer gibt es nicht</translation>
    </message>
    <message>
        <source>there is no admin account yet</source>
        <translation>es gibt noch kein Administratorkonto</translation>
    </message>
    <message>
        <source>user name must be 1-64 characters of A-Z a-z 0-9 . _ @ -</source>
        <translation>der Benutzername muss aus 1–64 Zeichen aus A-Z a-z 0-9 . _ @ - bestehen</translation>
    </message>
    <message>
        <source>password must have at least %1 characters</source>
        <extracomment>%1 is the minimum number of characters.</extracomment>
        <translation>das Passwort muss mindestens %1 Zeichen haben</translation>
    </message>
    <message>
        <source>no secure random source for the password salt</source>
        <translation>keine sichere Zufallsquelle für das Passwort-Salt</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; already exists</source>
        <extracomment>%1 is a user name.</extracomment>
        <translation>den Benutzer „%1“ gibt es schon</translation>
    </message>
    <message>
        <source>a shared catalog has no local admin; sign in instead</source>
        <translation>ein gemeinsamer Katalog hat keinen lokalen Administrator; melden Sie sich stattdessen an</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no account in this workspace</source>
        <extracomment>%1 is the operating system&apos;s user name.</extracomment>
        <translation>„%1“ hat kein Konto in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>the first admin needs a password</source>
        <translation>der erste Administrator braucht ein Passwort</translation>
    </message>
    <message>
        <source>the catalog already has users</source>
        <translation>der Katalog hat bereits Benutzer</translation>
    </message>
    <message>
        <source>only admins may create users</source>
        <translation>nur Administratoren dürfen Benutzer anlegen</translation>
    </message>
    <message>
        <source>only admins may change roles</source>
        <translation>nur Administratoren dürfen Rollen ändern</translation>
    </message>
    <message>
        <source>cannot demote the last admin</source>
        <translation>der letzte Administrator kann nicht herabgestuft werden</translation>
    </message>
    <message>
        <source>only admins may set another user&apos;s password</source>
        <translation>nur Administratoren dürfen das Passwort eines anderen Benutzers setzen</translation>
    </message>
    <message>
        <source>unknown user or wrong password</source>
        <translation>unbekannter Benutzer oder falsches Passwort</translation>
    </message>
    <message>
        <source>only admins and publishers may create teams</source>
        <translation>nur Administratoren und Publisher dürfen Teams anlegen</translation>
    </message>
    <message>
        <source>a team name has 1-100 characters</source>
        <translation>ein Teamname hat 1–100 Zeichen</translation>
    </message>
    <message>
        <source>team &apos;%1&apos; already exists</source>
        <extracomment>%1 is a team name.</extracomment>
        <translation>das Team „%1“ gibt es schon</translation>
    </message>
    <message>
        <source>only admins and team owners may manage members</source>
        <translation>nur Administratoren und Teameigentümer dürfen Mitglieder verwalten</translation>
    </message>
    <message>
        <source>a team keeps at least one owner</source>
        <translation>ein Team behält mindestens einen Eigentümer</translation>
    </message>
    <message>
        <source>the user is not a member of this team</source>
        <translation>der Benutzer ist kein Mitglied dieses Teams</translation>
    </message>
    <message>
        <source>no such team</source>
        <translation>dieses Team gibt es nicht</translation>
    </message>
    <message>
        <source>no team %1</source>
        <extracomment>%1 is a numeric team id.</extracomment>
        <translation>kein Team %1</translation>
    </message>
    <message>
        <source>slug: 1-63 characters of a-z 0-9 and &apos;-&apos;, starting alphanumeric</source>
        <translation>Kurzname: 1–63 Zeichen aus a-z 0-9 und „-“, beginnend mit einem Buchstaben oder einer Ziffer</translation>
    </message>
    <message>
        <source>version: 1-32 characters of A-Z a-z 0-9 . _ -</source>
        <translation>Version: 1–32 Zeichen aus A-Z a-z 0-9 . _ -</translation>
    </message>
    <message>
        <source>name: must not be empty</source>
        <translation>Name: darf nicht leer sein</translation>
    </message>
    <message>
        <source>basePath: must start with &apos;/&apos;</source>
        <translation>Basispfad: muss mit „/“ beginnen</translation>
    </message>
    <message>
        <source>basePath: %1</source>
        <extracomment>%1 is the router&apos;s own reason (English, from the gateway).</extracomment>
        <translation>Basispfad: %1</translation>
    </message>
    <message>
        <source>routes[%1].method: not an HTTP method</source>
        <extracomment>%1 is the route&apos;s index, counted from 0.</extracomment>
        <translation>Route %1, Methode: keine HTTP-Methode</translation>
    </message>
    <message>
        <source>routes[%1].path: must start with &apos;/&apos;</source>
        <extracomment>%1 is the route&apos;s index, counted from 0.</extracomment>
        <translation>Route %1, Pfad: muss mit „/“ beginnen</translation>
    </message>
    <message>
        <source>upstreams[%1].weight: must be at least 1</source>
        <extracomment>%1 is the upstream target&apos;s index, counted from 0.</extracomment>
        <translation>Upstream-Ziel %1, Gewicht: muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>cachePolicy: must be a JSON object</source>
        <translation>Cache-Richtlinie: muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>timeouts: must be positive</source>
        <translation>Zeitlimits: müssen positiv sein</translation>
    </message>
    <message>
        <source>keyQueryParameter: 1-64 characters of A-Z a-z 0-9 . _ ~ -</source>
        <translation>Schlüssel-Abfrageparameter: 1–64 Zeichen aus A-Z a-z 0-9 . _ ~ -</translation>
    </message>
    <message>
        <source>keyQueryParameter: only for APIs that require an API key, not for open APIs</source>
        <translation>Schlüssel-Abfrageparameter: nur für APIs, die einen API-Schlüssel verlangen, nicht für offene APIs</translation>
    </message>
    <message>
        <source>basePath: &apos;%1&apos; is already in use by another API</source>
        <extracomment>%1 is a base path such as /orders.</extracomment>
        <translation>Basispfad: „%1“ wird bereits von einer anderen API verwendet</translation>
    </message>
    <message>
        <source>basePath: &apos;%1&apos; overlaps &apos;%2&apos;, the base path of %3 %4</source>
        <extracomment>%1 is the base path asked for, %2 the other API&apos;s base path, %3 its name and %4 its version.</extracomment>
        <translation>Basispfad: „%1“ überschneidet sich mit „%2“, dem Basispfad von %3 %4</translation>
    </message>
    <message>
        <source>basePath: &apos;%1&apos; overlaps &apos;%2&apos;, the base path of %3 %4 (route %5)</source>
        <extracomment>As &quot;basePath: &apos;%1&apos; overlaps ...&quot;, with %5 a route path that lies under both.</extracomment>
        <translation>Basispfad: „%1“ überschneidet sich mit „%2“, dem Basispfad von %3 %4 (Route %5)</translation>
    </message>
    <message>
        <source>only admins and publishers of the owning team may create its APIs</source>
        <translation>nur Administratoren und Publisher des besitzenden Teams dürfen seine APIs anlegen</translation>
    </message>
    <message>
        <source>%1 %2 already exists</source>
        <extracomment>%1 is an API&apos;s slug, %2 its version.</extracomment>
        <translation>%1 %2 gibt es schon</translation>
    </message>
    <message>
        <source>no such API</source>
        <translation>diese API gibt es nicht</translation>
    </message>
    <message>
        <source>only admins and publishers of the owning team may change this API</source>
        <translation>nur Administratoren und Publisher des besitzenden Teams dürfen diese API ändern</translation>
    </message>
    <message>
        <source>a retired API cannot be changed</source>
        <translation>eine eingestellte API kann nicht geändert werden</translation>
    </message>
    <message>
        <source>you may not move APIs to that team</source>
        <translation>Sie dürfen keine APIs in dieses Team verschieben</translation>
    </message>
    <message>
        <source>%1 (the API is %2)</source>
        <extracomment>%1 is a complete message about why the API cannot be published, %2 the API&apos;s state.</extracomment>
        <translation>%1 (die API ist %2)</translation>
    </message>
    <message>
        <source>%1 %2 already has a successor</source>
        <extracomment>%1 is an API&apos;s slug, %2 its version.</extracomment>
        <translation>%1 %2 hat bereits einen Nachfolger</translation>
    </message>
    <message>
        <source>only drafts can be deleted; a %1 API is deprecated and retired instead</source>
        <extracomment>%1 is the API&apos;s lifecycle state.</extracomment>
        <translation>nur Entwürfe können gelöscht werden; eine API im Zustand „%1“ wird stattdessen als veraltet markiert und eingestellt</translation>
    </message>
    <message>
        <source>cannot deprecate: no such successor API</source>
        <translation>kann nicht als veraltet markiert werden: diese Nachfolger-API gibt es nicht</translation>
    </message>
    <message>
        <source>the API could not be read</source>
        <translation>die API konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot deprecate: the successor is retired</source>
        <translation>kann nicht als veraltet markiert werden: der Nachfolger ist eingestellt</translation>
    </message>
    <message>
        <source>the API is already %1</source>
        <extracomment>%1 is a lifecycle state.</extracomment>
        <translation>die API ist bereits %1</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: a retired API is final and cannot change state</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2: eine eingestellte API ist endgültig und kann ihren Zustand nicht ändern</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: an API cannot go back to draft; create a new version instead</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2: eine API kann nicht zum Entwurf zurückkehren; legen Sie stattdessen eine neue Version an</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: a deprecated API cannot be published again; create a new version instead</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2: eine veraltete API kann nicht erneut veröffentlicht werden; legen Sie stattdessen eine neue Version an</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: a draft must be published first</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2: ein Entwurf muss zuerst veröffentlicht werden</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: an API must be deprecated, with a sunset date, before it is retired</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2: eine API muss mit einem Abschaltdatum als veraltet markiert werden, bevor sie eingestellt wird</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: not a lifecycle transition</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2: kein Übergang im Lebenszyklus</translation>
    </message>
    <message>
        <source>cannot publish: the API has no routes</source>
        <translation>kann nicht veröffentlicht werden: die API hat keine Routen</translation>
    </message>
    <message>
        <source>cannot publish: the API has no upstream target</source>
        <translation>kann nicht veröffentlicht werden: die API hat kein Upstream-Ziel</translation>
    </message>
    <message>
        <source>cannot publish: the base path must start with &apos;/&apos;</source>
        <translation>kann nicht veröffentlicht werden: der Basispfad muss mit „/“ beginnen</translation>
    </message>
    <message>
        <source>cannot publish: upstream &apos;%1&apos;: %2</source>
        <extracomment>%1 is an upstream URL, %2 the gateway&apos;s reason why it cannot be used (English).</extracomment>
        <translation>kann nicht veröffentlicht werden: Upstream „%1“: %2</translation>
    </message>
    <message>
        <source>cannot deprecate: the sunset date must be in the future</source>
        <translation>kann nicht als veraltet markiert werden: das Abschaltdatum muss in der Zukunft liegen</translation>
    </message>
    <message>
        <source>cannot deprecate: an API cannot be its own successor</source>
        <translation>kann nicht als veraltet markiert werden: eine API kann nicht ihr eigener Nachfolger sein</translation>
    </message>
    <message>
        <source>only admins and publishers of the owning team may change its plans</source>
        <translation>nur Administratoren und Publisher des besitzenden Teams dürfen seine Tarife ändern</translation>
    </message>
    <message>
        <source>no such plan</source>
        <translation>diesen Tarif gibt es nicht</translation>
    </message>
    <message>
        <source>a plan needs a name and non-negative limits</source>
        <translation>ein Tarif braucht einen Namen und nicht negative Grenzen</translation>
    </message>
    <message>
        <source>plan &apos;%1&apos; already exists</source>
        <extracomment>%1 is a plan&apos;s name.</extracomment>
        <translation>den Tarif „%1“ gibt es schon</translation>
    </message>
    <message>
        <source>no such application</source>
        <translation>diese Anwendung gibt es nicht</translation>
    </message>
    <message>
        <source>an application needs a name</source>
        <translation>eine Anwendung braucht einen Namen</translation>
    </message>
    <message>
        <source>only members of a team may create its applications</source>
        <translation>nur Mitglieder eines Teams dürfen seine Anwendungen anlegen</translation>
    </message>
    <message>
        <source>the expiry must be in the future</source>
        <translation>der Ablauf muss in der Zukunft liegen</translation>
    </message>
    <message>
        <source>no secure random source for the key</source>
        <translation>keine sichere Zufallsquelle für den Schlüssel</translation>
    </message>
    <message>
        <source>no such key</source>
        <translation>diesen Schlüssel gibt es nicht</translation>
    </message>
    <message>
        <source>the key is already revoked</source>
        <translation>der Schlüssel ist bereits widerrufen</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>the key is revoked</source>
        <translation>der Schlüssel ist widerrufen</translation>
    </message>
    <message>
        <source>the key has expired</source>
        <translation>der Schlüssel ist abgelaufen</translation>
    </message>
    <message>
        <source>no such subscription</source>
        <translation>dieses Abonnement gibt es nicht</translation>
    </message>
    <message>
        <source>%1 %2 is %3 and takes no new subscriptions</source>
        <extracomment>%1 is an API&apos;s slug, %2 its version, %3 its lifecycle state.</extracomment>
        <translation>%1 %2 ist %3 und nimmt keine neuen Abonnements an</translation>
    </message>
    <message>
        <source>the application already has a subscription to this API (%1)</source>
        <extracomment>%1 is the existing subscription&apos;s state.</extracomment>
        <translation>die Anwendung hat bereits ein Abonnement dieser API (%1)</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may approve subscriptions</source>
        <translation>nur Administratoren und Eigentümer des Teams der API dürfen Abonnements genehmigen</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may reject subscriptions</source>
        <translation>nur Administratoren und Eigentümer des Teams der API dürfen Abonnements ablehnen</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may suspend subscriptions</source>
        <translation>nur Administratoren und Eigentümer des Teams der API dürfen Abonnements aussetzen</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may resume subscriptions</source>
        <translation>nur Administratoren und Eigentümer des Teams der API dürfen Abonnements fortsetzen</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may revoke subscriptions</source>
        <translation>nur Administratoren und Eigentümer des Teams der API dürfen Abonnements widerrufen</translation>
    </message>
    <message>
        <source>cannot approve %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>%1 kann nicht genehmigt werden</translation>
    </message>
    <message>
        <source>cannot reject %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>%1 kann nicht abgelehnt werden</translation>
    </message>
    <message>
        <source>cannot suspend %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>%1 kann nicht ausgesetzt werden</translation>
    </message>
    <message>
        <source>cannot resume %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>%1 kann nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>cannot revoke %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>%1 kann nicht widerrufen werden</translation>
    </message>
    <message>
        <source>a rejection needs a reason</source>
        <translation>eine Ablehnung braucht eine Begründung</translation>
    </message>
    <message>
        <source>demo workspace: %1: %2</source>
        <extracomment>%1 names what was being made, e.g. &quot;user maya&quot; or &quot;api products@v1&quot; (not translated); %2 is why, a message of its own.</extracomment>
        <translation>Demo-Arbeitsbereich: %1: %2</translation>
    </message>
    <message>
        <source>is %1, expected %2</source>
        <extracomment>%1 is the subscription&apos;s state, %2 the state the demo expected.</extracomment>
        <translation>ist %1, erwartet war %2</translation>
    </message>
    <message>
        <source>demo workspace: only an administrator can create it</source>
        <translation>Demo-Arbeitsbereich: nur ein Administrator kann ihn anlegen</translation>
    </message>
    <message>
        <source>demo workspace: %1</source>
        <extracomment>%1 is the database&apos;s own reason (English).</extracomment>
        <translation>Demo-Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>demo traffic key: %1</source>
        <extracomment>%1 is why, a message of its own.</extracomment>
        <translation>Schlüssel für Demo-Verkehr: %1</translation>
    </message>
    <message>
        <source>Cannot use the catalog database %1: %2</source>
        <extracomment>%1 is the database file or URL, %2 the database&apos;s own reason (English).</extracomment>
        <translation>Die Katalogdatenbank %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>No administrator for &apos;%1&apos; in %2: %3</source>
        <extracomment>%1 is the operating system&apos;s user name, %2 the database file, %3 why (a message of its own).</extracomment>
        <translation>Kein Administrator für „%1“ in %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A problem and where it is. %1 is the place, e.g. &quot;petstore.yaml:41:7: paths./pets.get&quot; or &quot;apis[2].team&quot; (file name, line, column and field path; not translated); %2 the problem.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <extracomment>Two problems of one document on one line; %1 and %2 are problems of their own.</extracomment>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>document%1</source>
        <extracomment>The place of a problem in an OpenAPI document that has no file name (instead of &quot;petstore.yaml&quot;); %1 is the line, column and field, e.g. &quot;:41:7: paths./pets&quot; (may be empty).</extracomment>
        <translation>Dokument%1</translation>
    </message>
    <message>
        <source>is required</source>
        <extracomment>A field of an OpenAPI document (named before this text) is missing.</extracomment>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be a string</source>
        <extracomment>A field of an OpenAPI document (named before this text) has the wrong kind of value.</extracomment>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be a list</source>
        <extracomment>A field of an OpenAPI document (named before this text) has the wrong kind of value.</extracomment>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>must be a mapping</source>
        <extracomment>A field of an OpenAPI document (named before this text) has the wrong kind of value (&quot;mapping&quot;: key/value pairs, a YAML mapping or a JSON object).</extracomment>
        <translation>muss ein Mapping sein</translation>
    </message>
    <message>
        <source>variable without a default in &apos;%1&apos;</source>
        <extracomment>%1 is a server URL with {variables}, as written in the document.</extracomment>
        <translation>Variable ohne Standardwert in „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither an http(s) URL nor an absolute path</source>
        <extracomment>%1 is the server URL as written in the document.</extracomment>
        <translation>„%1“ ist weder eine http(s)-URL noch ein absoluter Pfad</translation>
    </message>
    <message>
        <source>a path must start with &apos;/&apos;</source>
        <translation>ein Pfad muss mit „/“ beginnen</translation>
    </message>
    <message>
        <source>must be a mapping of operations</source>
        <extracomment>A path entry of the document is not key/value pairs of operations (get, post, ...).</extracomment>
        <translation>muss ein Mapping von Operationen sein</translation>
    </message>
    <message>
        <source>path item references are not followed; skipped</source>
        <extracomment>A warning: a &quot;$ref&quot; in the document&apos;s paths is not followed.</extracomment>
        <translation>Verweisen auf Pfadeinträge wird nicht gefolgt; übersprungen</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unbekanntes Feld</translation>
    </message>
    <message>
        <source>an operation must be a mapping</source>
        <translation>eine Operation muss ein Mapping sein</translation>
    </message>
    <message>
        <source>the same operation as another path (only parameter names differ)</source>
        <translation>dieselbe Operation wie ein anderer Pfad (nur die Parameternamen unterscheiden sich)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be a key query parameter (1-64 of A-Z a-z 0-9 . _ ~ -); keys are accepted in headers only</source>
        <extracomment>A warning; %1 is the parameter name from the document.</extracomment>
        <translation>„%1“ kann kein Query-Parameter für Schlüssel sein (1–64 Zeichen aus A-Z a-z 0-9 . _ ~ -); Schlüssel werden nur in Headern angenommen</translation>
    </message>
    <message>
        <source>only one key query parameter is supported; &apos;%1&apos; is used</source>
        <extracomment>A warning; %1 is the parameter name that is used.</extracomment>
        <translation>nur ein Query-Parameter für Schlüssel wird unterstützt; „%1“ wird verwendet</translation>
    </message>
    <message>
        <source>not valid YAML or JSON: %1</source>
        <extracomment>%1 is the YAML parser&apos;s own reason (English).</extracomment>
        <translation>kein gültiges YAML oder JSON: %1</translation>
    </message>
    <message>
        <source>the document must be a mapping</source>
        <translation>das Dokument muss ein Mapping sein</translation>
    </message>
    <message>
        <source>Swagger 2.0 is not supported; convert it to OpenAPI 3 first</source>
        <translation>Swagger 2.0 wird nicht unterstützt; zuerst in OpenAPI 3 umwandeln</translation>
    </message>
    <message>
        <source>version &apos;%1&apos; is not supported (3.0 or 3.1)</source>
        <extracomment>%1 is the &quot;openapi&quot; version the document gives.</extracomment>
        <translation>Version „%1“ wird nicht unterstützt (3.0 oder 3.1)</translation>
    </message>
    <message>
        <source>no operations to route</source>
        <extracomment>A warning: the document describes no operation the gateway could route.</extracomment>
        <translation>keine Operationen zum Routen</translation>
    </message>
    <message>
        <source>no OpenAPI document</source>
        <translation>kein OpenAPI-Dokument</translation>
    </message>
    <message>
        <source>cannot read the document: %1</source>
        <extracomment>%1 is the YAML parser&apos;s own reason (English).</extracomment>
        <translation>das Dokument kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>expected a duration such as 30s, 10m or 1h, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;).</extracomment>
        <translation>erwartet wurde eine Dauer wie 30s, 10m oder 1h, erhalten: %1</translation>
    </message>
    <message>
        <source>%1 is not a whole number of seconds</source>
        <extracomment>%1 is a duration, e.g. 1500ms.</extracomment>
        <translation>%1 ist keine ganze Zahl von Sekunden</translation>
    </message>
    <message>
        <source>%1 is out of range (1s to %2)</source>
        <extracomment>%1 is a duration, %2 the longest allowed (8760h).</extracomment>
        <translation>%1 liegt außerhalb des Bereichs (1s bis %2)</translation>
    </message>
    <message>
        <source>must not be empty (omit statuses for the RFC 9110 defaults)</source>
        <translation>darf nicht leer sein (statuses weglassen für die Vorgaben aus RFC 9110)</translation>
    </message>
    <message>
        <source>status %1 cannot be cached on its own (a partial or a validation response)</source>
        <extracomment>%1 is an HTTP status code (206 or 304).</extracomment>
        <translation>Status %1 kann nicht für sich gespeichert werden (eine Teil- oder Validierungsantwort)</translation>
    </message>
    <message>
        <source>duplicate status %1</source>
        <extracomment>%1 is an HTTP status code.</extracomment>
        <translation>doppelter Status %1</translation>
    </message>
    <message>
        <source>must name a parameter (&apos;utm_*&apos; ignores a prefix)</source>
        <translation>muss einen Parameter nennen („utm_*“ ignoriert ein Präfix)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;*&apos; is only allowed at the end</source>
        <extracomment>%1 is a query parameter pattern as typed.</extracomment>
        <translation>„%1“: „*“ ist nur am Ende erlaubt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a query parameter name</source>
        <extracomment>%1 is a query parameter name as typed.</extracomment>
        <translation>„%1“ ist kein Name eines Query-Parameters</translation>
    </message>
    <message>
        <source>default_ttl is longer than max_ttl</source>
        <extracomment>default_ttl and max_ttl are keys of the cache policy; keep them as they are.</extracomment>
        <translation>default_ttl ist länger als max_ttl</translation>
    </message>
    <message>
        <source>override_upstream needs a default_ttl</source>
        <extracomment>override_upstream and default_ttl are keys of the cache policy; keep them as they are.</extracomment>
        <translation>override_upstream braucht eine default_ttl</translation>
    </message>
    <message>
        <source>unknown eviction &apos;%1&apos; (expected lru or tiny_lfu)</source>
        <extracomment>%1 is the eviction given; lru and tiny_lfu are values of the configuration file.</extracomment>
        <translation>unbekannte Verdrängung „%1“ (erwartet: lru oder tiny_lfu)</translation>
    </message>
    <message>
        <source>cachePolicy: %1</source>
        <extracomment>%1 is the JSON parser&apos;s own reason (English).</extracomment>
        <translation>cachePolicy: %1</translation>
    </message>
    <message>
        <source>expected a mapping, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;, &quot;&apos;abc&apos;&quot;).</extracomment>
        <translation>erwartet wurde ein Mapping, erhalten: %1</translation>
    </message>
    <message>
        <source>expected a sequence, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a mapping&quot;, &quot;&apos;abc&apos;&quot;).</extracomment>
        <translation>erwartet wurde eine Liste, erhalten: %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;).</extracomment>
        <translation>erwartet wurde eine Zeichenkette, erhalten: %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;&apos;yes&apos;&quot;).</extracomment>
        <translation>erwartet wurde true oder false, erhalten: %1</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;the string &quot;200&quot;&quot;).</extracomment>
        <translation>erwartet wurde eine ganze Zahl, erhalten: %1</translation>
    </message>
    <message>
        <source>%1 is out of range (%2 to %3)</source>
        <extracomment>%1 is the number given, %2 and %3 the smallest and largest allowed.</extracomment>
        <translation>%1 liegt außerhalb des Bereichs (%2 bis %3)</translation>
    </message>
    <message>
        <source>expected a size such as 16KiB or 8MiB, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;).</extracomment>
        <translation>erwartet wurde eine Größe wie 16KiB oder 8MiB, erhalten: %1</translation>
    </message>
    <message>
        <source>%1 bytes is out of range (%2 to %3 bytes)</source>
        <extracomment>%1 is the size given in bytes, %2 and %3 the smallest and largest allowed.</extracomment>
        <translation>%1 Bytes liegt außerhalb des Bereichs (%2 bis %3 Bytes)</translation>
    </message>
    <message>
        <source>field names must be strings, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;).</extracomment>
        <translation>Feldnamen müssen Zeichenketten sein, erhalten: %1</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <extracomment>%1 is the field name given, %2 the known one it is most like.</extracomment>
        <translation>unbekanntes Feld „%1“ (war „%2“ gemeint?)</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; (expected one of: %2)</source>
        <extracomment>%1 is the field name given, %2 the list of known ones.</extracomment>
        <translation>unbekanntes Feld „%1“ (erwartet eines von: %2)</translation>
    </message>
    <message>
        <source>duplicate field &apos;%1&apos; (first given at line %2)</source>
        <extracomment>%1 is a field name, %2 a line number.</extracomment>
        <translation>doppeltes Feld „%1“ (zuerst in Zeile %2)</translation>
    </message>
    <message>
        <source>%1 more problems not shown</source>
        <extracomment>%1 is a number; said after the problems that are shown.</extracomment>
        <translation>%1 weitere Probleme nicht angezeigt</translation>
    </message>
    <message>
        <source>offset %1: %2</source>
        <extracomment>%1 is the character offset in the file, %2 the JSON parser&apos;s own reason (English).</extracomment>
        <translation>Position %1: %2</translation>
    </message>
    <message>
        <source>gatehouse: must be &quot;workspace&quot;</source>
        <extracomment>&quot;gatehouse&quot; and &quot;workspace&quot; are a key and a value of the file; keep them as they are.</extracomment>
        <translation>gatehouse: muss „workspace“ sein</translation>
    </message>
    <message>
        <source>version: must be %1</source>
        <extracomment>&quot;version&quot; is a key of the file; %1 is the format version (a number).</extracomment>
        <translation>version: muss %1 sein</translation>
    </message>
    <message>
        <source>owner or member</source>
        <extracomment>&quot;owner&quot; and &quot;member&quot; are values of the file; keep them as they are.</extracomment>
        <translation>owner oder member</translation>
    </message>
    <message>
        <source>team or organisation</source>
        <extracomment>&quot;team&quot; and &quot;organisation&quot; are values of the file; keep them as they are.</extracomment>
        <translation>team oder organisation</translation>
    </message>
    <message>
        <source>not a balancing policy</source>
        <translation>keine Lastverteilungsstrategie</translation>
    </message>
    <message>
        <source>not an auth mode</source>
        <translation>kein Authentifizierungsmodus</translation>
    </message>
    <message>
        <source>draft, published, deprecated or retired</source>
        <extracomment>The states are values of the file; keep them as they are.</extracomment>
        <translation>draft, published, deprecated oder retired</translation>
    </message>
    <message>
        <source>automatic or manual</source>
        <extracomment>&quot;automatic&quot; and &quot;manual&quot; are values of the file; keep them as they are.</extracomment>
        <translation>automatic oder manual</translation>
    </message>
    <message>
        <source>%1.%2</source>
        <extracomment>%1 is an API&apos;s place in the file (e.g. &quot;apis[1]&quot;, not translated), %2 the catalog&apos;s problem with one of its fields, e.g. &quot;routes[0].path: must start with &apos;/&apos;&quot;.</extracomment>
        <translation>%1.%2</translation>
    </message>
    <message>
        <source>no user &apos;%1&apos;</source>
        <extracomment>%1 is a user name from the file.</extracomment>
        <translation>kein Benutzer „%1“</translation>
    </message>
    <message>
        <source>no team &apos;%1&apos;</source>
        <extracomment>%1 is a team name from the file.</extracomment>
        <translation>kein Team „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the file</source>
        <extracomment>%1 is an API as slug@version.</extracomment>
        <translation>„%1“ steht nicht in der Datei</translation>
    </message>
    <message>
        <source>cannot move from %1 back to %2</source>
        <extracomment>%1 and %2 are lifecycle states, messages of their own (&quot;published&quot;).</extracomment>
        <translation>kann nicht von %1 zurück zu %2 wechseln</translation>
    </message>
    <message>
        <source>must not contain the NUL character (U+0000)</source>
        <extracomment>A field of an OpenAPI document or a workspace file (named before this text) holds the character U+0000, which no text of the catalog can hold.</extracomment>
        <translation>darf das NUL-Zeichen (U+0000) nicht enthalten</translation>
    </message>
</context>
<context>
    <name>RoleText</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>keine Berechtigung</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>not possible now</source>
        <translation>derzeit nicht möglich</translation>
    </message>
    <message>
        <source>invalid input</source>
        <translation>ungültige Eingabe</translation>
    </message>
    <message>
        <source>the catalog could not be written</source>
        <translation>der Katalog konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>Abgelehnt (%1): %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiAnalyticsPanel</name>
    <message>
        <source>1 h</source>
        <translation>1 Std.</translation>
    </message>
    <message>
        <source>The last hour, one point per minute</source>
        <translation>Die letzte Stunde, ein Punkt pro Minute</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 Std.</translation>
    </message>
    <message>
        <source>The last 24 hours, one point per hour</source>
        <translation>Die letzten 24 Stunden, ein Punkt pro Stunde</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>The last 7 days, one point per hour</source>
        <translation>Die letzten 7 Tage, ein Punkt pro Stunde</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>The last 30 days, one point per day (UTC)</source>
        <translation>Die letzten 30 Tage, ein Punkt pro Tag (UTC)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation>p50-Latenz</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99-Latenz</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Miss</source>
        <translation>Fehltreffer</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Revalidated</source>
        <translation>Revalidiert</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>Umgangen</translation>
    </message>
    <message>
        <source>Not cached</source>
        <translation>Nicht gecacht</translation>
    </message>
    <message>
        <source>Hit ratio (%)</source>
        <translation>Trefferquote (%)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Hits of cacheable requests</source>
        <translation>Treffer bei cachebaren Anfragen</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>Latenz-Perzentile</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Select an API to see its analytics.</source>
        <translation>Wählen Sie eine API, um ihre Analysen zu sehen.</translation>
    </message>
    <message>
        <source>the last 24 hours</source>
        <translation>den letzten 24 Stunden</translation>
    </message>
    <message>
        <source>the last 7 days</source>
        <translation>den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>the last 30 days</source>
        <translation>den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>the last hour</source>
        <translation>der letzten Stunde</translation>
    </message>
    <message>
        <source>Requests per hour by cache status</source>
        <translation>Anfragen pro Stunde nach Cache-Status</translation>
    </message>
    <message>
        <source>Requests per day by cache status</source>
        <translation>Anfragen pro Tag nach Cache-Status</translation>
    </message>
    <message>
        <source>Requests per minute by cache status</source>
        <translation>Anfragen pro Minute nach Cache-Status</translation>
    </message>
    <message>
        <source>Analytics are not available: calls are not being logged (the telemetry database is not open).</source>
        <translation>Analysen sind nicht verfügbar: Aufrufe werden nicht protokolliert (die Telemetrie-Datenbank ist nicht geöffnet).</translation>
    </message>
    <message>
        <source>Loading analytics…</source>
        <translation>Analysen werden geladen…</translation>
    </message>
    <message>
        <source>Cannot read this API&apos;s analytics: %1</source>
        <translation>Die Analysen dieser API können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No calls to this API in %1. Calls through the gateway show up here within seconds.</source>
        <translation>Keine Aufrufe dieser API in %1. Aufrufe über das Gateway erscheinen hier innerhalb von Sekunden.</translation>
    </message>
    <message>
        <source>Calls to this API in %1.</source>
        <translation>Aufrufe dieser API in %1.</translation>
    </message>
    <message>
        <source>%1 sent, %2 received</source>
        <translation>%1 gesendet, %2 empfangen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2 cacheable calls</source>
        <translation>%1 von %2 cachebaren Aufrufen</translation>
    </message>
    <message>
        <source>No cacheable calls</source>
        <translation>Keine cachebaren Aufrufe</translation>
    </message>
    <message>
        <source>4xx: %1, 5xx: %2</source>
        <translation>4xx: %1, 5xx: %2</translation>
    </message>
    <message>
        <source>Half the calls were faster</source>
        <translation>Die Hälfte der Aufrufe war schneller</translation>
    </message>
    <message>
        <source>95 % were faster</source>
        <translation>95 % waren schneller</translation>
    </message>
    <message>
        <source>99 % were faster</source>
        <translation>99 % waren schneller</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No cacheable calls: this API&apos;s responses are not cached.</source>
        <translation>Keine cachebaren Aufrufe: Die Antworten dieser API werden nicht gecacht.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>The last five minutes, one point per second</source>
        <translation>Die letzten fünf Minuten, ein Punkt pro Sekunde</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source>the last 5 minutes</source>
        <translation>die letzten 5 Minuten</translation>
    </message>
    <message>
        <source>Requests per second by cache status</source>
        <translation>Anfragen pro Sekunde nach Cache-Status</translation>
    </message>
    <message>
        <source>Live figures are not available: telemetry is not running.</source>
        <translation>Live-Zahlen sind nicht verfügbar: die Telemetrie läuft nicht.</translation>
    </message>
    <message>
        <source>Live: calls to this API in the last 5 minutes, one point per second; the figures cover the last %1 seconds.</source>
        <translation>Live: Aufrufe dieser API in den letzten 5 Minuten, ein Punkt pro Sekunde; die Kennzahlen umfassen die letzten %1 Sekunden.</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Calls in the last 5 minutes: %1</source>
        <translation>Aufrufe in den letzten 5 Minuten: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiDetailPane</name>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Veröffentlichen…</translation>
    </message>
    <message>
        <source>&amp;Deprecate…</source>
        <translation>&amp;Abkündigen…</translation>
    </message>
    <message>
        <source>Re&amp;tire…</source>
        <translation>Ein&amp;stellen…</translation>
    </message>
    <message>
        <source>Delete &amp;Draft…</source>
        <translation>&amp;Entwurf löschen…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>Doku</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Abonnenten</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Try It</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Select an API to see its details.</source>
        <translation>Wählen Sie eine API, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Owner team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Visibility:</source>
        <translation>Sichtbarkeit:</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>Zugang:</translation>
    </message>
    <message>
        <source>Base path:</source>
        <translation>Basispfad:</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versionen:</translation>
    </message>
    <message>
        <source>Lifecycle:</source>
        <translation>Lebenszyklus:</translation>
    </message>
    <message>
        <source>Upstream targets:</source>
        <translation>Upstream-Ziele:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Plans:</source>
        <translation>Tarife:</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Gateway path</source>
        <translation>Gateway-Pfad</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <source>Organisation: everyone sees it once published</source>
        <translation>Organisation: für alle sichtbar, sobald veröffentlicht</translation>
    </message>
    <message>
        <source>Team: only the owning team sees it</source>
        <translation>Team: nur für das eigene Team sichtbar</translation>
    </message>
    <message>
        <source>Open: no key needed</source>
        <translation>Offen: kein Schlüssel nötig</translation>
    </message>
    <message>
        <source>API key with an approved subscription</source>
        <translation>API-Schlüssel mit genehmigtem Abonnement</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>sunset on %1</source>
        <translation>Abschaltung am %1</translation>
    </message>
    <message>
        <source>follows %1</source>
        <translation>Nachfolger von %1</translation>
    </message>
    <message>
        <source>succeeded by %1</source>
        <translation>abgelöst durch %1</translation>
    </message>
    <message>
        <source>%1 (weight %2)</source>
        <translation>%1 (Gewicht %2)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>automatic approval</source>
        <translation>automatische Genehmigung</translation>
    </message>
    <message>
        <source>manual approval</source>
        <translation>manuelle Genehmigung</translation>
    </message>
    <message>
        <source>%1: %2, %3/min</source>
        <translation>%1: %2, %3/min</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>This API has no OpenAPI document. Import one when editing the API to list its operations here.</source>
        <translation>Diese API hat kein OpenAPI-Dokument. Importieren Sie eines beim Bearbeiten der API, um hier ihre Operationen zu sehen.</translation>
    </message>
    <message>
        <source>The OpenAPI document cannot be read: %1</source>
        <translation>Das OpenAPI-Dokument ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>1 operation</source>
        <translation>1 Operation</translation>
    </message>
    <message>
        <source>%1 operations</source>
        <translation>%1 Operationen</translation>
    </message>
    <message>
        <source>%1 %2: %3.</source>
        <translation>%1 %2: %3.</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (abgekündigt)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Anfragerumpf</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Subscribers are shown to the API&apos;s team owners, its publishers and admins.</source>
        <translation>Abonnenten sehen nur die Team-Eigentümer der API, ihre Herausgeber und Administratoren.</translation>
    </message>
    <message>
        <source>No application has subscribed yet.</source>
        <translation>Noch keine Anwendung hat abonniert.</translation>
    </message>
    <message>
        <source>1 subscription.</source>
        <translation>1 Abonnement.</translation>
    </message>
    <message>
        <source>%1 subscriptions.</source>
        <translation>%1 Abonnements.</translation>
    </message>
    <message>
        <source>%1 (team %2)</source>
        <translation>%1 (Team %2)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Ausgesetzt</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Cached by the gateway. Authorization is checked before every cache lookup; responses are shared between keys unless they say private.</source>
        <translation>Vom Gateway zwischengespeichert. Die Berechtigung wird vor jedem Cache-Zugriff geprüft; Antworten gelten für alle Schlüssel, außer sie sind als privat markiert.</translation>
    </message>
    <message>
        <source>Not cached: every call goes to the upstream.</source>
        <translation>Nicht zwischengespeichert: jeder Aufruf geht an den Upstream.</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save this API&apos;s definition to a file: its OpenAPI document as JSON, or a workspace file when it has none</source>
        <translation>Die Definition dieser API in einer Datei speichern: ihr OpenAPI-Dokument als JSON oder eine Arbeitsbereichsdatei, wenn sie keines hat</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>Key query parameter:</source>
        <translation>Schlüssel-Abfrageparameter:</translation>
    </message>
    <message>
        <source>%1: the key is also accepted in the URL, as ?%1=…</source>
        <translation>%1: Der Schlüssel wird auch in der URL akzeptiert, als ?%1=…</translation>
    </message>
    <message>
        <source>Only the API&apos;s publishers and admins may change it.</source>
        <translation>Nur die Publisher und Administratoren der API dürfen sie ändern.</translation>
    </message>
    <message>
        <source>The versions could not be loaded: %1</source>
        <translation>Die Versionen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The plans could not be loaded: %1</source>
        <translation>Die Tarife konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The subscribers could not be loaded: %1</source>
        <translation>Die Abonnenten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>New Versi&amp;on…</source>
        <translation>Neue Versi&amp;on…</translation>
    </message>
    <message>
        <source>The versions could not be loaded: the catalog database reported an error. Point at this text for the details.</source>
        <translation>Die Versionen konnten nicht geladen werden: Die Katalogdatenbank meldete einen Fehler. Zeigen Sie auf diesen Text, um die Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>The plans could not be loaded: the catalog database reported an error. Point at this text for the details.</source>
        <translation>Die Tarife konnten nicht geladen werden: Die Katalogdatenbank meldete einen Fehler. Zeigen Sie auf diesen Text, um die Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>Details from the catalog database: %1</source>
        <translation>Einzelheiten aus der Katalogdatenbank: %1</translation>
    </message>
    <message>
        <source>The subscribers could not be loaded: the catalog database reported an error. Try again later; point at this text for the details.</source>
        <translation>Die Abonnenten konnten nicht geladen werden: Die Katalogdatenbank meldete einen Fehler. Versuchen Sie es später erneut; zeigen Sie auf diesen Text, um die Einzelheiten zu sehen.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiEditorDialog</name>
    <message>
        <source>New Version of %1</source>
        <translation>Neue Version von %1</translation>
    </message>
    <message>
        <source>Creates a draft copy of %1 %2 with its routes, targets and settings. The two versions are linked.</source>
        <translation>Legt einen Entwurf als Kopie von %1 %2 mit Routen, Zielen und Einstellungen an. Beide Versionen werden verknüpft.</translation>
    </message>
    <message>
        <source>e.g. v2</source>
        <translation>z. B. v2</translation>
    </message>
    <message>
        <source>New &amp;version:</source>
        <translation>Neue &amp;Version:</translation>
    </message>
    <message>
        <source>Create Version</source>
        <translation>Version anlegen</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Neue API</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Routing</source>
        <translation>&amp;Routing</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>e.g. Billing</source>
        <translation>z. B. Abrechnung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. billing</source>
        <translation>z. B. billing</translation>
    </message>
    <message>
        <source>The API&apos;s short name in URLs: a-z, 0-9 and &apos;-&apos;. All versions of an API share it.</source>
        <translation>Kurzname der API in URLs: a-z, 0-9 und &apos;-&apos;. Alle Versionen einer API teilen ihn.</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>&amp;Kurzname:</translation>
    </message>
    <message>
        <source>e.g. v1</source>
        <translation>z. B. v1</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>Versi&amp;on:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Comma separated, e.g. finance, invoices</source>
        <translation>Durch Kommas getrennt, z. B. finanzen, rechnungen</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Schlagwörter:</translation>
    </message>
    <message>
        <source>The team that owns the API: its publishers edit it, its owners approve subscriptions.</source>
        <translation>Das Team, dem die API gehört: seine Publisher bearbeiten sie, seine Besitzer genehmigen Abonnements.</translation>
    </message>
    <message>
        <source>&amp;Owning team:</source>
        <translation>Besitzendes Tea&amp;m:</translation>
    </message>
    <message>
        <source>Owning team only</source>
        <translation>Nur besitzendes Team</translation>
    </message>
    <message>
        <source>Whole organisation</source>
        <translation>Ganze Organisation</translation>
    </message>
    <message>
        <source>V&amp;isible to:</source>
        <translation>S&amp;ichtbar für:</translation>
    </message>
    <message>
        <source>e.g. /billing/v1</source>
        <translation>z. B. /billing/v1</translation>
    </message>
    <message>
        <source>Strip base path when forwarding</source>
        <translation>Basispfad beim Weiterleiten entfernen</translation>
    </message>
    <message>
        <source>Forward /billing/v1/invoices to the target as /invoices.</source>
        <translation>Leitet /billing/v1/invoices als /invoices an das Ziel weiter.</translation>
    </message>
    <message>
        <source>&amp;Base path:</source>
        <translation>Basis&amp;pfad:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Ro&amp;utes:</source>
        <translation>Ro&amp;uten:</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>T&amp;argets:</source>
        <translation>Zi&amp;ele:</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Reihum</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>Least connections</source>
        <translation>Wenigste Verbindungen</translation>
    </message>
    <message>
        <source>Ba&amp;lancing:</source>
        <translation>Lastver&amp;teilung:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Open (no key)</source>
        <translation>Offen (kein Schlüssel)</translation>
    </message>
    <message>
        <source>Authenti&amp;cation:</source>
        <translation>Authentifi&amp;zierung:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>C&amp;onnect:</source>
        <translation>Verbin&amp;dung:</translation>
    </message>
    <message>
        <source>Re&amp;quest:</source>
        <translation>An&amp;frage:</translation>
    </message>
    <message>
        <source>Timeouts:</source>
        <translation>Zeitlimits:</translation>
    </message>
    <message>
        <source>You may not publish APIs for any team.</source>
        <translation>Sie dürfen für kein Team APIs veröffentlichen.</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Keine Berechtigung</translation>
    </message>
    <message>
        <source>No longer exists or is not visible to you</source>
        <translation>Existiert nicht mehr oder ist für Sie nicht sichtbar</translation>
    </message>
    <message>
        <source>Already exists or not possible now</source>
        <translation>Existiert bereits oder ist jetzt nicht möglich</translation>
    </message>
    <message>
        <source>Invalid API</source>
        <translation>Ungültige API</translation>
    </message>
    <message>
        <source>The catalog could not be read or written</source>
        <translation>Der Katalog konnte nicht gelesen oder geschrieben werden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Route %1: not an HTTP method.</source>
        <translation>Route %1: keine HTTP-Methode.</translation>
    </message>
    <message>
        <source>Route %1: the path must start with &apos;/&apos;.</source>
        <translation>Route %1: Der Pfad muss mit &apos;/&apos; beginnen.</translation>
    </message>
    <message>
        <source>Target %1: the weight must be at least 1.</source>
        <translation>Ziel %1: Das Gewicht muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>Use 1-63 characters of a-z, 0-9 and &apos;-&apos;, starting with a letter or digit.</source>
        <translation>1–63 Zeichen aus a-z, 0-9 und &apos;-&apos;, beginnend mit Buchstabe oder Ziffer.</translation>
    </message>
    <message>
        <source>Use 1-32 characters of A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>1–32 Zeichen aus A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>The base path must start with &apos;/&apos;.</source>
        <translation>Der Basispfad muss mit &apos;/&apos; beginnen.</translation>
    </message>
    <message>
        <source>Timeouts must be longer than 0 ms.</source>
        <translation>Zeitlimits müssen länger als 0 ms sein.</translation>
    </message>
    <message>
        <source>Enter a version.</source>
        <translation>Geben Sie eine Version ein.</translation>
    </message>
    <message>
        <source>Enter a slug.</source>
        <translation>Geben Sie einen Kurznamen ein.</translation>
    </message>
    <message>
        <source>Enter a base path.</source>
        <translation>Geben Sie einen Basispfad ein.</translation>
    </message>
    <message>
        <source>Enter a URL for every target.</source>
        <translation>Geben Sie für jedes Ziel eine URL ein.</translation>
    </message>
    <message>
        <source>The catalog is not available.</source>
        <translation>Der Katalog ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>e.g. api_key</source>
        <translation>z. B. api_key</translation>
    </message>
    <message>
        <source>Also accept the API key in this query parameter, for clients that cannot send headers. Leave empty to accept keys only in headers, which is safer: keys in URLs end up in server logs, proxies and browser history.</source>
        <translation>Den API-Schlüssel auch in diesem Abfrageparameter akzeptieren, für Clients, die keine Header senden können. Leer lassen, um Schlüssel nur in Headern zu akzeptieren; das ist sicherer: Schlüssel in URLs landen in Server-Logs, Proxys und im Browserverlauf.</translation>
    </message>
    <message>
        <source>&amp;Key query parameter:</source>
        <translation>S&amp;chlüssel-Abfrageparameter:</translation>
    </message>
    <message>
        <source>Only APIs that require an API key take one from the query. Clear this field or choose API key authentication.</source>
        <translation>Nur APIs, die einen API-Schlüssel verlangen, nehmen ihn aus der Abfrage. Leeren Sie dieses Feld oder wählen Sie die Authentifizierung per API-Schlüssel.</translation>
    </message>
    <message>
        <source>Use up to 64 characters of A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;~&apos; and &apos;-&apos;.</source>
        <translation>Verwenden Sie bis zu 64 Zeichen aus A–Z, a–z, 0–9, „.“, „_“, „~“ und „-“.</translation>
    </message>
    <message>
        <source>%1 is already in use by another API.</source>
        <translation>%1 wird bereits von einer anderen API verwendet.</translation>
    </message>
    <message>
        <source>%1 is already the base path of %2 %3.</source>
        <translation>%1 ist bereits der Basispfad von %2 %3.</translation>
    </message>
    <message>
        <source>%1 overlaps %2, the base path of %3 %4: the route %5 lies under both, so the gateway would send one API&apos;s calls to the other.</source>
        <translation>%1 überschneidet sich mit %2, dem Basispfad von %3 %4: die Route %5 liegt unter beiden, das Gateway würde also Aufrufe der einen API an die andere senden.</translation>
    </message>
    <message>
        <source>%1 overlaps %2, the base path of %3 %4: the gateway would send one API&apos;s calls to the other.</source>
        <translation>%1 überschneidet sich mit %2, dem Basispfad von %3 %4: das Gateway würde Aufrufe der einen API an die andere senden.</translation>
    </message>
    <message>
        <source>Use a plain path: no empty, &apos;.&apos; or &apos;..&apos; segments, no &apos;?&apos; or &apos;#&apos;.</source>
        <translation>Einen einfachen Pfad verwenden: keine leeren, &apos;.&apos;- oder &apos;..&apos;-Segmente, kein &apos;?&apos; oder &apos;#&apos;.</translation>
    </message>
    <message>
        <source>%1 is free.</source>
        <translation>%1 ist frei.</translation>
    </message>
    <message>
        <source>This version of the API already exists: choose another version.</source>
        <translation>Diese Version der API gibt es bereits: Wählen Sie eine andere Version.</translation>
    </message>
    <message>
        <source>This base path is already in use by another API.</source>
        <translation>Dieser Basispfad wird bereits von einer anderen API verwendet.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiKeysModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Only the start of the key is kept; the key itself was shown once.</source>
        <translation>Nur der Anfang des Schlüssels wird gespeichert; der Schlüssel selbst wurde einmal angezeigt.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApplicationPanel</name>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>API keys of the application</source>
        <translation>API-Schlüssel der Anwendung</translation>
    </message>
    <message>
        <source>Refuse calls with the selected key from now on</source>
        <translation>Aufrufe mit dem gewählten Schlüssel ab sofort ablehnen</translation>
    </message>
    <message>
        <source>&amp;Issue Key…</source>
        <translation>Schlüssel aus&amp;stellen…</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Subscriptions of the application</source>
        <translation>Abonnements der Anwendung</translation>
    </message>
    <message>
        <source>Keys call every API the application has an approved subscription to.</source>
        <translation>Schlüssel rufen jede API auf, für die die Anwendung ein genehmigtes Abonnement hat.</translation>
    </message>
    <message>
        <source>&amp;End Subscription…</source>
        <translation>Abonnement b&amp;eenden…</translation>
    </message>
    <message>
        <source>Stop calling the selected API with this application&apos;s keys</source>
        <translation>Die gewählte API nicht mehr mit den Schlüsseln dieser Anwendung aufrufen</translation>
    </message>
    <message>
        <source>&amp;Request Subscription…</source>
        <translation>Abonnement an&amp;fragen…</translation>
    </message>
    <message>
        <source>No application selected.</source>
        <translation>Keine Anwendung ausgewählt.</translation>
    </message>
    <message>
        <source>Owned by team %1</source>
        <translation>Gehört Team %1</translation>
    </message>
    <message>
        <source>Owned by %1</source>
        <translation>Gehört %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>erstellt %1</translation>
    </message>
    <message>
        <source>Cannot read the application: %1</source>
        <translation>Die Anwendung kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Keine Berechtigung</translation>
    </message>
    <message>
        <source>No longer exists or is not visible to you</source>
        <translation>Existiert nicht mehr oder ist für Sie nicht sichtbar</translation>
    </message>
    <message>
        <source>Not possible in its current state</source>
        <translation>Im aktuellen Zustand nicht möglich</translation>
    </message>
    <message>
        <source>Invalid request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>The catalog could not be read or written</source>
        <translation>Der Katalog konnte nicht gelesen oder geschrieben werden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No key was issued. %1</source>
        <translation>Es wurde kein Schlüssel ausgestellt. %1</translation>
    </message>
    <message>
        <source>A new key was issued for %1.</source>
        <translation>Für %1 wurde ein neuer Schlüssel ausgestellt.</translation>
    </message>
    <message>
        <source>Revoke API Key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke the key %1 of %2?</source>
        <translation>Den Schlüssel %1 von %2 widerrufen?</translation>
    </message>
    <message>
        <source>Calls with this key are refused within seconds. This cannot be undone.</source>
        <translation>Aufrufe mit diesem Schlüssel werden binnen Sekunden abgelehnt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Revoke Key</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>The key %1 is revoked.</source>
        <translation>Der Schlüssel %1 ist widerrufen.</translation>
    </message>
    <message>
        <source>The key %1 was not revoked. %2</source>
        <translation>Der Schlüssel %1 wurde nicht widerrufen. %2</translation>
    </message>
    <message>
        <source>%1, plan %2</source>
        <translation>%1, Tarif %2</translation>
    </message>
    <message>
        <source>The subscription was not requested. %1</source>
        <translation>Das Abonnement wurde nicht angefragt. %1</translation>
    </message>
    <message>
        <source>Subscribed to %1: approved, the keys work now.</source>
        <translation>%1 abonniert: genehmigt, die Schlüssel funktionieren jetzt.</translation>
    </message>
    <message>
        <source>Subscription to %1 requested: pending approval.</source>
        <translation>Abonnement für %1 angefragt: wartet auf Genehmigung.</translation>
    </message>
    <message>
        <source>End Subscription</source>
        <translation>Abonnement beenden</translation>
    </message>
    <message>
        <source>End the subscription of %1 to %2?</source>
        <translation>Das Abonnement von %1 für %2 beenden?</translation>
    </message>
    <message>
        <source>The application&apos;s keys can no longer call this API. To call it again, request a new subscription.</source>
        <translation>Die Schlüssel der Anwendung können diese API dann nicht mehr aufrufen. Um sie wieder aufzurufen, fragen Sie ein neues Abonnement an.</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>The subscription to %1 has ended.</source>
        <translation>Das Abonnement für %1 ist beendet.</translation>
    </message>
    <message>
        <source>The subscription to %1 did not end. %2</source>
        <translation>Das Abonnement für %1 wurde nicht beendet. %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Revo&amp;ke Key…</source>
        <translation>Schlüssel &amp;widerrufen…</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApplicationsModel</name>
    <message>
        <source>Team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>Keys that are neither revoked nor expired</source>
        <translation>Schlüssel, die weder widerrufen noch abgelaufen sind</translation>
    </message>
    <message>
        <source>Approved subscriptions</source>
        <translation>Genehmigte Abonnements</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApplicationsPage</name>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Your applications</source>
        <translation>Ihre Anwendungen</translation>
    </message>
    <message>
        <source>&amp;New Application…</source>
        <translation>&amp;Neue Anwendung…</translation>
    </message>
    <message>
        <source>Create an application (%1)</source>
        <translation>Eine Anwendung anlegen (%1)</translation>
    </message>
    <message>
        <source>Applications are unavailable: the catalog is not open, or your account has no access to it.</source>
        <translation>Anwendungen sind nicht verfügbar: Der Katalog ist nicht geöffnet, oder Ihr Konto hat keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>No applications to show.</source>
        <translation>Keine Anwendungen anzuzeigen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Cannot read the applications: %1</source>
        <translation>Die Anwendungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>You have no applications yet. Create one to get API keys and subscribe to APIs.</source>
        <translation>Sie haben noch keine Anwendungen. Legen Sie eine an, um API-Schlüssel zu erhalten und APIs zu abonnieren.</translation>
    </message>
    <message>
        <source>Select an application to see its keys and subscriptions.</source>
        <translation>Wählen Sie eine Anwendung, um ihre Schlüssel und Abonnements zu sehen.</translation>
    </message>
    <message>
        <source>The application was not created. %1</source>
        <translation>Die Anwendung wurde nicht angelegt. %1</translation>
    </message>
    <message>
        <source>Application %1 created. Issue a key and request a subscription to call APIs with it.</source>
        <translation>Anwendung %1 angelegt. Stellen Sie einen Schlüssel aus und fragen Sie ein Abonnement an, um damit APIs aufzurufen.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApprovalDetails</name>
    <message>
        <source>Requested by:</source>
        <translation>Angefragt von:</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Anwendung:</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Tarif:</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>Limits:</translation>
    </message>
    <message>
        <source>Requested:</source>
        <translation>Angefragt:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Decided:</source>
        <translation>Entschieden:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>%1 requests selected.</source>
        <translation>%1 Anfragen ausgewählt.</translation>
    </message>
    <message>
        <source>Select a request to see its details.</source>
        <translation>Wählen Sie eine Anfrage, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Subscription #%1</source>
        <translation>Abonnement #%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (team %3)</source>
        <translation>%1 %2 (Team %3)</translation>
    </message>
    <message>
        <source>%1, %2 approval</source>
        <translation>%1, Genehmigung: %2</translation>
    </message>
    <message>
        <source>%1 requests per minute</source>
        <translation>%1 Anfragen pro Minute</translation>
    </message>
    <message>
        <source>no rate limit</source>
        <translation>keine Ratenbegrenzung</translation>
    </message>
    <message>
        <source>%1 requests per month</source>
        <translation>%1 Anfragen pro Monat</translation>
    </message>
    <message>
        <source>no monthly quota</source>
        <translation>kein Monatskontingent</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApprovalsModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Ausgesetzt</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>%1 (team %2)</source>
        <translation>%1 (Team %2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefragt von</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Genehmigung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApprovalsPage</name>
    <message>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Eingang</translation>
    </message>
    <message>
        <source>Approvals are unavailable: the catalog is not open, or your account has no access to it.</source>
        <translation>Genehmigungen sind nicht verfügbar: Der Katalog ist nicht geöffnet, oder Ihr Konto hat keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>Ge&amp;nehmigen</translation>
    </message>
    <message>
        <source>Approve the selected requests (Ctrl+Return)</source>
        <translation>Die ausgewählten Anfragen genehmigen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>A&amp;blehnen…</translation>
    </message>
    <message>
        <source>Reject the selected requests with a reason</source>
        <translation>Die ausgewählten Anfragen mit Begründung ablehnen</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>&amp;Aussetzen…</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Cannot read the approvals: %1</source>
        <translation>Die Genehmigungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Inbox (%1)</source>
        <translation>&amp;Eingang (%1)</translation>
    </message>
    <message>
        <source>Reject Requests</source>
        <translation>Anfragen ablehnen</translation>
    </message>
    <message>
        <source>Why are the selected requests rejected? The requester sees the reason.</source>
        <translation>Warum werden die ausgewählten Anfragen abgelehnt? Die anfragende Person sieht die Begründung.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Suspend Subscriptions</source>
        <translation>Abonnements aussetzen</translation>
    </message>
    <message>
        <source>Why are the selected subscriptions suspended? Their calls are refused until they are resumed.</source>
        <translation>Warum werden die ausgewählten Abonnements ausgesetzt? Ihre Aufrufe werden abgewiesen, bis sie fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Aussetzen</translation>
    </message>
    <message>
        <source>Revoke Subscriptions</source>
        <translation>Abonnements widerrufen</translation>
    </message>
    <message>
        <source>Why are the selected subscriptions revoked? This cannot be undone.</source>
        <translation>Warum werden die ausgewählten Abonnements widerrufen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Subscriptions updated: %1.</source>
        <translation>Aktualisierte Abonnements: %1.</translation>
    </message>
    <message>
        <source>Updated: %1. Refused: %2.</source>
        <translation>Aktualisiert: %1. Abgewiesen: %2.</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>keine Berechtigung</translation>
    </message>
    <message>
        <source>no longer exists or is not visible to you</source>
        <translation>existiert nicht mehr oder ist für Sie nicht sichtbar</translation>
    </message>
    <message>
        <source>not possible in its current state</source>
        <translation>im aktuellen Zustand nicht möglich</translation>
    </message>
    <message>
        <source>invalid request</source>
        <translation>ungültige Anfrage</translation>
    </message>
    <message>
        <source>the catalog could not be written</source>
        <translation>der Katalog konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>#%1: %2 (%3)</source>
        <translation>#%1: %2 (%3)</translation>
    </message>
    <message>
        <source>No requests are waiting for a decision.</source>
        <translation>Keine Anfragen warten auf eine Entscheidung.</translation>
    </message>
    <message>
        <source>Nothing has been decided yet.</source>
        <translation>Bisher wurde nichts entschieden.</translation>
    </message>
    <message>
        <source>Details of the selected subscription</source>
        <translation>Details des ausgewählten Abonnements</translation>
    </message>
    <message>
        <source>Pending subscription requests</source>
        <translation>Ausstehende Abonnementanfragen</translation>
    </message>
    <message>
        <source>Decided subscriptions</source>
        <translation>Entschiedene Abonnements</translation>
    </message>
    <message>
        <source>His&amp;tory</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Rev&amp;oke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Only admins and the owners of an API&apos;s team decide requests to subscribe to it. The requests of your applications, and their state, are on the Applications page.</source>
        <translation>Über Abonnementanfragen zu einer API entscheiden nur Administratoren und die Eigentümer des Teams der API. Die Anfragen Ihrer Anwendungen und ihr Stand stehen auf der Seite „Anwendungen“.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditDiffView</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>The object before and after the change</source>
        <translation>Das Objekt vor und nach der Änderung</translation>
    </message>
    <message>
        <source>Highlighted rows changed.</source>
        <translation>Hervorgehobene Zeilen wurden geändert.</translation>
    </message>
    <message>
        <source>Select an entry to see the object before and after.</source>
        <translation>Wählen Sie einen Eintrag, um das Objekt vorher und nachher zu sehen.</translation>
    </message>
    <message>
        <source>%1 on %2 #%3 by %4, %5</source>
        <translation>%1 an %2 #%3 durch %4, %5</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Object type</source>
        <translation>Objekttyp</translation>
    </message>
    <message>
        <source>Object ID</source>
        <translation>Objekt-ID</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditPage</name>
    <message>
        <source>A&amp;ctor:</source>
        <translation>A&amp;kteur:</translation>
    </message>
    <message>
        <source>O&amp;bject:</source>
        <translation>O&amp;bjekt:</translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation>&amp;Zeit:</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Any object</source>
        <translation>Alle Objekte</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Einträge des Audit-Logs</translation>
    </message>
    <message>
        <source>The audit log is unavailable: the catalog is not open, or your account has no access to it.</source>
        <translation>Das Audit-Log ist nicht verfügbar: Der Katalog ist nicht geöffnet, oder Ihr Konto hat keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>Showing the newest %1 entries; narrow the filters to see older ones.</source>
        <translation>Die neuesten %1 Einträge werden angezeigt; schränken Sie die Filter ein, um ältere zu sehen.</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Keine passenden Einträge.</translation>
    </message>
    <message>
        <source>Select an entry to see the object before and after.</source>
        <translation>Wählen Sie einen Eintrag, um das Objekt vorher und nachher zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>Ak&amp;tion:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::BudgetSpinBox</name>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CacheActionsPanel</name>
    <message>
        <source>LRU (least recently used)</source>
        <translation>LRU (am längsten nicht verwendet)</translation>
    </message>
    <message>
        <source>W-TinyLFU (frequency-aware)</source>
        <translation>W-TinyLFU (häufigkeitsbasiert)</translation>
    </message>
    <message>
        <source>LRU</source>
        <translation>LRU</translation>
    </message>
    <message>
        <source>W-TinyLFU</source>
        <translation>W-TinyLFU</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Anw&amp;enden</translation>
    </message>
    <message>
        <source>Replaces the cache with an empty one of this budget and policy.</source>
        <translation>Ersetzt den Cache durch einen leeren mit diesem Budget und dieser Strategie.</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Purge selected API</source>
        <translation>Ausgewählte API leeren</translation>
    </message>
    <message>
        <source>Path prefix, e.g. /shop/</source>
        <translation>Pfadpräfix, z. B. /shop/</translation>
    </message>
    <message>
        <source>Purge prefix</source>
        <translation>Präfix leeren</translation>
    </message>
    <message>
        <source>Tag (Cache-Tag or Surrogate-Key)</source>
        <translation>Tag (Cache-Tag oder Surrogate-Key)</translation>
    </message>
    <message>
        <source>Purge tag</source>
        <translation>Tag leeren</translation>
    </message>
    <message>
        <source>Purge everything</source>
        <translation>Alles leeren</translation>
    </message>
    <message>
        <source>Purge API</source>
        <translation>API leeren</translation>
    </message>
    <message>
        <source>Remove every cached response of %1? It holds %2 objects (%3) now. Its next requests go to the upstream.</source>
        <translation>Alle zwischengespeicherten Antworten von %1 entfernen? Sie umfasst derzeit %2 Objekte (%3). Ihre nächsten Anfragen gehen an den Upstream.</translation>
    </message>
    <message>
        <source>A path prefix starts with &apos;/&apos; and has no spaces, for example /shop/.</source>
        <translation>Ein Pfadpräfix beginnt mit „/“ und enthält keine Leerzeichen, zum Beispiel /shop/.</translation>
    </message>
    <message>
        <source>Purge by path prefix</source>
        <translation>Nach Pfadpräfix leeren</translation>
    </message>
    <message>
        <source>Remove every cached response whose path starts with %1? The next requests for those paths go to the upstream.</source>
        <translation>Alle zwischengespeicherten Antworten entfernen, deren Pfad mit %1 beginnt? Die nächsten Anfragen für diese Pfade gehen an den Upstream.</translation>
    </message>
    <message>
        <source>Enter one tag, as the upstream sends it in Cache-Tag or Surrogate-Key.</source>
        <translation>Geben Sie ein Tag ein, so wie der Upstream es in Cache-Tag oder Surrogate-Key sendet.</translation>
    </message>
    <message>
        <source>Purge by tag</source>
        <translation>Nach Tag leeren</translation>
    </message>
    <message>
        <source>Remove every cached response tagged %1? The next requests for them go to the upstream.</source>
        <translation>Alle zwischengespeicherten Antworten mit dem Tag %1 entfernen? Die nächsten Anfragen dafür gehen an den Upstream.</translation>
    </message>
    <message>
        <source>Empty the whole cache? All %1 objects (%2) are removed and every next request goes to the upstream.</source>
        <translation>Den gesamten Cache leeren? Alle %1 Objekte (%2) werden entfernt, und jede nächste Anfrage geht an den Upstream.</translation>
    </message>
    <message>
        <source>Apply cache settings</source>
        <translation>Cache-Einstellungen anwenden</translation>
    </message>
    <message>
        <source>Use a budget of %1 with %2 eviction? The cache is replaced by an empty one: its %3 objects are dropped and its counters start from zero.</source>
        <translation>Ein Budget von %1 mit Verdrängung nach %2 verwenden? Der Cache wird durch einen leeren ersetzt: Seine %3 Objekte werden verworfen und seine Zähler beginnen bei null.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt …</translation>
    </message>
    <message>
        <source>The cache refused: %1.</source>
        <translation>Der Cache hat abgelehnt: %1.</translation>
    </message>
    <message>
        <source>Applied: %1, %2. Objects dropped: %3.</source>
        <translation>Angewendet: %1, %2. Verworfene Objekte: %3.</translation>
    </message>
    <message>
        <source>Purged 1 object.</source>
        <translation>1 Objekt entfernt.</translation>
    </message>
    <message>
        <source>Purged %1 objects.</source>
        <translation>%1 Objekte entfernt.</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget:</translation>
    </message>
    <message>
        <source>Evi&amp;ction:</source>
        <translation>Ver&amp;drängung:</translation>
    </message>
    <message>
        <source>From %1 to %2. Type a size such as 512 KiB, 64 MiB or 2 GiB; a number alone is in MiB.</source>
        <translation>Von %1 bis %2. Geben Sie eine Größe wie 512 KiB, 64 MiB oder 2 GiB ein; eine Zahl allein gilt als MiB.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CacheApiModel</name>
    <message>
        <source>API %1: %2 revalidated, %3 bypassed, %4 stored, %5 evicted, %6 purged</source>
        <translation>API %1: %2 revalidiert, %3 umgangen, %4 gespeichert, %5 verdrängt, %6 entfernt</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CacheEventModel</name>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Evicted</source>
        <translation>Verdrängt</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CachePage</name>
    <message>
        <source>Usage</source>
        <translation>Belegung</translation>
    </message>
    <message>
        <source>Objects:</source>
        <translation>Objekte:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <source>Hit ratio:</source>
        <translation>Trefferquote:</translation>
    </message>
    <message>
        <source>Activity:</source>
        <translation>Aktivität:</translation>
    </message>
    <message>
        <source>Eviction:</source>
        <translation>Verdrängung:</translation>
    </message>
    <message>
        <source>Hit ratio by API</source>
        <translation>Trefferquote pro API</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Per API</source>
        <translation>Pro API</translation>
    </message>
    <message>
        <source>Recently stored and evicted</source>
        <translation>Zuletzt gespeichert und verdrängt</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1 % of %2 lookups</source>
        <translation>%1 % von %2 Abfragen</translation>
    </message>
    <message>
        <source>No lookups yet</source>
        <translation>Noch keine Abfragen</translation>
    </message>
    <message>
        <source>%1 stored, %2 evicted, %3 purged</source>
        <translation>%1 gespeichert, %2 verdrängt, %3 entfernt</translation>
    </message>
    <message>
        <source>LRU (least recently used)</source>
        <translation>LRU (am längsten nicht verwendet)</translation>
    </message>
    <message>
        <source>W-TinyLFU (frequency-aware)</source>
        <translation>W-TinyLFU (häufigkeitsbasiert)</translation>
    </message>
    <message>
        <source>No cache lookups yet</source>
        <translation>Noch keine Cache-Abfragen</translation>
    </message>
    <message>
        <source>Bodies in files:</source>
        <translation>Bodys in Dateien:</translation>
    </message>
    <message>
        <source>Stored responses of %1 or more are kept in memory files and sent with sendfile, without copying them. Each holds one file descriptor, and the gateway allows only so many. While all of them are in use, further large responses are kept in memory instead and copied on every hit.</source>
        <translation>Gespeicherte Antworten ab %1 liegen in Speicherdateien und werden mit sendfile gesendet, ohne sie zu kopieren. Jede belegt einen Dateideskriptor, und das Gateway erlaubt nur eine begrenzte Zahl davon. Solange alle belegt sind, werden weitere große Antworten stattdessen im Arbeitsspeicher gehalten und bei jedem Treffer kopiert.</translation>
    </message>
    <message>
        <source>%1 of %2 descriptors</source>
        <translation>%1 von %2 Deskriptoren</translation>
    </message>
    <message>
        <source>%1: all in use</source>
        <translation>%1: alle belegt</translation>
    </message>
    <message>
        <source>%1: nearly all in use</source>
        <translation>%1: fast alle belegt</translation>
    </message>
    <message>
        <source>Hit ratio (%)</source>
        <translation>Trefferquote (%)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CachePolicyForm</name>
    <message>
        <source>&amp;Cache responses of this API in the gateway</source>
        <translation>Antworten dieser API im Gateway &amp;zwischenspeichern</translation>
    </message>
    <message>
        <source>Off: every call goes to the upstream. The settings below are kept for when caching is turned on again.</source>
        <translation>Aus: jeder Aufruf geht an den Upstream. Die Einstellungen unten bleiben erhalten, bis das Zwischenspeichern wieder eingeschaltet wird.</translation>
    </message>
    <message>
        <source>A duration in whole seconds, such as 30s, 10m, 1h or 1m30s (1s to 8760h).</source>
        <translation>Eine Dauer in ganzen Sekunden, etwa 30s, 10m, 1h oder 1m30s (1s bis 8760h).</translation>
    </message>
    <message>
        <source>Default TT&amp;L:</source>
        <translation>Standard-TT&amp;L:</translation>
    </message>
    <message>
        <source>none: the upstream decides</source>
        <translation>keine: der Upstream entscheidet</translation>
    </message>
    <message>
        <source>How long a response stays fresh when the upstream sends no s-maxage, max-age or Expires. %1</source>
        <translation>Wie lange eine Antwort frisch bleibt, wenn der Upstream weder s-maxage, max-age noch Expires sendet. %1</translation>
    </message>
    <message>
        <source>&amp;Maximum TTL:</source>
        <translation>&amp;Höchste TTL:</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>keine Obergrenze</translation>
    </message>
    <message>
        <source>The longest any response stays fresh, whatever the upstream says; not below the default TTL. %1</source>
        <translation>Wie lange eine Antwort höchstens frisch bleibt, gleich was der Upstream sagt; nicht unter der Standard-TTL. %1</translation>
    </message>
    <message>
        <source>Ignore Cache-Control and Expires from the upstream. no-store, private, Set-Cookie and Vary: * still prevent storing.</source>
        <translation>Cache-Control und Expires des Upstreams ignorieren. no-store, private, Set-Cookie und Vary: * verhindern das Speichern weiterhin.</translation>
    </message>
    <message>
        <source>the RFC 9110 defaults (200, 203, 204, 300, 301, 404, ...)</source>
        <translation>die Vorgaben von RFC 9110 (200, 203, 204, 300, 301, 404, ...)</translation>
    </message>
    <message>
        <source>Status codes that may be stored, separated by commas, for example 200, 404. 206 and 304 cannot be stored on their own.</source>
        <translation>Statuscodes, die gespeichert werden dürfen, durch Kommas getrennt, zum Beispiel 200, 404. 206 und 304 lassen sich nicht für sich allein speichern.</translation>
    </message>
    <message>
        <source>Largest stored object (si&amp;ze):</source>
        <translation>Größtes gespeichertes Objekt (&amp;Größe):</translation>
    </message>
    <message>
        <source>8MiB</source>
        <translation>8MiB</translation>
    </message>
    <message>
        <source>Larger responses are streamed to the client, never stored. A size such as 512KiB, 8MiB or 1GB (1B to 1GiB).</source>
        <translation>Größere Antworten werden an den Client durchgereicht, nie gespeichert. Eine Größe wie 512KiB, 8MiB oder 1GB (1B bis 1GiB).</translation>
    </message>
    <message>
        <source>Ignored &amp;query parameters:</source>
        <translation>Ignorierte &amp;Query-Parameter:</translation>
    </message>
    <message>
        <source>none, for example utm_*, fbclid</source>
        <translation>keine, zum Beispiel utm_*, fbclid</translation>
    </message>
    <message>
        <source>Query parameters left out of the cache key, separated by commas; a trailing * matches a prefix (utm_*).</source>
        <translation>Query-Parameter, die nicht in den Cache-Schlüssel eingehen, durch Kommas getrennt; ein * am Ende steht für ein Präfix (utm_*).</translation>
    </message>
    <message>
        <source>Stale &amp;while revalidating:</source>
        <translation>Veraltet &amp;während der Revalidierung:</translation>
    </message>
    <message>
        <source>as the upstream says</source>
        <translation>wie der Upstream angibt</translation>
    </message>
    <message>
        <source>Serve a stale response this long while one background request refreshes it (RFC 5861). %1</source>
        <translation>So lange eine veraltete Antwort ausliefern, während eine Anfrage im Hintergrund sie erneuert (RFC 5861). %1</translation>
    </message>
    <message>
        <source>Stale i&amp;f the upstream fails:</source>
        <translation>Veraltet, &amp;falls der Upstream ausfällt:</translation>
    </message>
    <message>
        <source>Serve a stale response this long when the upstream fails (5xx, unreachable) (RFC 5861). %1</source>
        <translation>So lange eine veraltete Antwort ausliefern, wenn der Upstream ausfällt (5xx, nicht erreichbar) (RFC 5861). %1</translation>
    </message>
    <message>
        <source>Cache priv&amp;ate responses per consumer</source>
        <translation>Priv&amp;ate Antworten je Konsument zwischenspeichern</translation>
    </message>
    <message>
        <source>Store responses marked private, keyed by the calling application and never served to another one.</source>
        <translation>Als private markierte Antworten speichern, nach aufrufender Anwendung getrennt und nie an eine andere ausgeliefert.</translation>
    </message>
    <message>
        <source>Cache POST b&amp;y a hash of its body</source>
        <translation>POST über einen Hash des &amp;Bodys zwischenspeichern</translation>
    </message>
    <message>
        <source>For read-only query APIs only: a POST with the same body gets the stored answer.</source>
        <translation>Nur für lesende Abfrage-APIs: ein POST mit demselben Body erhält die gespeicherte Antwort.</translation>
    </message>
    <message>
        <source>Store responses with Set-Coo&amp;kie, without the cookie</source>
        <translation>Antworten mit Set-Coo&amp;kie speichern, ohne das Cookie</translation>
    </message>
    <message>
        <source>Otherwise responses with Set-Cookie are not stored. The first caller still gets the cookie.</source>
        <translation>Sonst werden Antworten mit Set-Cookie nicht gespeichert. Der erste Aufrufer erhält das Cookie weiterhin.</translation>
    </message>
    <message>
        <source>&amp;JSON, as stored</source>
        <translation>&amp;JSON, wie gespeichert</translation>
    </message>
    <message>
        <source>The policy as the catalog stores it; it follows the form and is read-only</source>
        <translation>Die Richtlinie, wie der Katalog sie speichert; sie folgt dem Formular und ist schreibgeschützt</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>Zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Show the stored policy again</source>
        <translation>Die gespeicherte Richtlinie wieder anzeigen</translation>
    </message>
    <message>
        <source>&amp;Save Cache Policy</source>
        <translation>Cache-Richtlinie &amp;speichern</translation>
    </message>
    <message>
        <source>The gateway applies it with its next configuration, within a second</source>
        <translation>Das Gateway übernimmt sie mit seiner nächsten Konfiguration, binnen einer Sekunde</translation>
    </message>
    <message>
        <source>The stored policy cannot be read (%1); saving the form replaces it.</source>
        <translation>Die gespeicherte Richtlinie ist nicht lesbar (%1); Speichern des Formulars ersetzt sie.</translation>
    </message>
    <message>
        <source>“%1” is not a duration. Use whole seconds, such as 30s, 10m, 1h or 1m30s.</source>
        <translation>„%1“ ist keine Dauer. Verwenden Sie ganze Sekunden, etwa 30s, 10m, 1h oder 1m30s.</translation>
    </message>
    <message>
        <source>%1 is not a whole number of seconds.</source>
        <translation>%1 ist keine ganze Zahl von Sekunden.</translation>
    </message>
    <message>
        <source>%1 is out of range: from 1s to 8760h.</source>
        <translation>%1 liegt außerhalb des Bereichs: von 1s bis 8760h.</translation>
    </message>
    <message>
        <source>“%1” is not a size. Use a size such as 512KiB, 8MiB or 1GB.</source>
        <translation>„%1“ ist keine Größe. Verwenden Sie eine Größe wie 512KiB, 8MiB oder 1GB.</translation>
    </message>
    <message>
        <source>%1 is out of range: from 1B to 1GiB.</source>
        <translation>%1 liegt außerhalb des Bereichs: von 1B bis 1GiB.</translation>
    </message>
    <message>
        <source>“%1” is not a status code.</source>
        <translation>„%1“ ist kein Statuscode.</translation>
    </message>
    <message>
        <source>%1 is not a status from 200 to 599.</source>
        <translation>%1 ist kein Status von 200 bis 599.</translation>
    </message>
    <message>
        <source>%1 cannot be stored on its own (a partial or a validation response).</source>
        <translation>%1 kann nicht für sich gespeichert werden (eine Teil- oder Validierungsantwort).</translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation>%1 ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>Name a parameter; a trailing * ignores a prefix (utm_*).</source>
        <translation>Nennen Sie einen Parameter; ein * am Ende ignoriert ein Präfix (utm_*).</translation>
    </message>
    <message>
        <source>“%1”: * is only allowed at the end.</source>
        <translation>„%1“: * ist nur am Ende erlaubt.</translation>
    </message>
    <message>
        <source>“%1” is not a query parameter name.</source>
        <translation>„%1“ ist kein Name eines Abfrageparameters.</translation>
    </message>
    <message>
        <source>“%1” is longer than “%2”.</source>
        <translation>„%1“ ist länger als „%2“.</translation>
    </message>
    <message>
        <source>“%1” needs a value in “%2”.</source>
        <translation>„%1“ braucht einen Wert in „%2“.</translation>
    </message>
    <message>
        <source>The catalog refuses this policy: %1</source>
        <translation>Der Katalog lehnt diese Richtlinie ab: %1</translation>
    </message>
    <message>
        <source>The catalog refuses “%1”: %2</source>
        <translation>Der Katalog lehnt „%1“ ab: %2</translation>
    </message>
    <message>
        <source>Override the &amp;upstream&apos;s freshness with the default TTL</source>
        <translation>Frische des Upstreams durch die Standard-TTL &amp;ersetzen</translation>
    </message>
    <message>
        <source>Cachea&amp;ble statuses:</source>
        <translation>Speicherbare Stat&amp;uscodes:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CallLogDetails</name>
    <message>
        <source>Request ID:</source>
        <translation>Anfrage-ID:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <source>Started (UTC):</source>
        <translation>Beginn (UTC):</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Gateway error:</source>
        <translation>Gateway-Fehler:</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>Cache:</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>Route:</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Anwendung:</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Client:</translation>
    </message>
    <message>
        <source>Upstream:</source>
        <translation>Upstream:</translation>
    </message>
    <message>
        <source>Total latency:</source>
        <translation>Gesamtlatenz:</translation>
    </message>
    <message>
        <source>Upstream latency:</source>
        <translation>Upstream-Latenz:</translation>
    </message>
    <message>
        <source>Gateway and transfer:</source>
        <translation>Gateway und Übertragung:</translation>
    </message>
    <message>
        <source>Bytes in:</source>
        <translation>Bytes ein:</translation>
    </message>
    <message>
        <source>Bytes out:</source>
        <translation>Bytes aus:</translation>
    </message>
    <message>
        <source>Log entry:</source>
        <translation>Protokolleintrag:</translation>
    </message>
    <message>
        <source>None: the upstream&apos;s response was relayed</source>
        <translation>Keiner: Antwort des Upstreams weitergeleitet</translation>
    </message>
    <message>
        <source>No route matches the path</source>
        <translation>Keine Route passt zum Pfad</translation>
    </message>
    <message>
        <source>Method not allowed on the route</source>
        <translation>Methode auf der Route nicht erlaubt</translation>
    </message>
    <message>
        <source>Malformed request</source>
        <translation>Fehlerhafte Anfrage</translation>
    </message>
    <message>
        <source>Request header too large</source>
        <translation>Anfrage-Header zu groß</translation>
    </message>
    <message>
        <source>Request body too large</source>
        <translation>Anfrage-Body zu groß</translation>
    </message>
    <message>
        <source>The client was too slow to send the request</source>
        <translation>Der Client sendete die Anfrage zu langsam</translation>
    </message>
    <message>
        <source>No upstream could be reached</source>
        <translation>Kein Upstream erreichbar</translation>
    </message>
    <message>
        <source>The upstream did not answer in time</source>
        <translation>Der Upstream antwortete nicht rechtzeitig</translation>
    </message>
    <message>
        <source>The upstream broke off its response</source>
        <translation>Der Upstream brach seine Antwort ab</translation>
    </message>
    <message>
        <source>The client went away</source>
        <translation>Der Client hat die Verbindung getrennt</translation>
    </message>
    <message>
        <source>Missing or unknown credentials</source>
        <translation>Fehlende oder unbekannte Zugangsdaten</translation>
    </message>
    <message>
        <source>No approved subscription</source>
        <translation>Kein genehmigtes Abonnement</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Ratenbegrenzt</translation>
    </message>
    <message>
        <source>The API is retired</source>
        <translation>Die API ist außer Betrieb</translation>
    </message>
    <message>
        <source>The gateway was shutting down</source>
        <translation>Das Gateway wurde heruntergefahren</translation>
    </message>
    <message>
        <source>Only-if-cached and nothing stored</source>
        <translation>Only-if-cached, aber nichts gespeichert</translation>
    </message>
    <message>
        <source>Select a call to see all its fields.</source>
        <translation>Wählen Sie einen Aufruf, um alle Felder zu sehen.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No response was sent</source>
        <translation>Keine Antwort gesendet</translation>
    </message>
    <message>
        <source>None (no API matched)</source>
        <translation>Keine (keine API passte)</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>None (anonymous call)</source>
        <translation>Keine (anonymer Aufruf)</translation>
    </message>
    <message>
        <source>id %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>None (answered by the gateway)</source>
        <translation>Keiner (vom Gateway beantwortet)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CallLogFilterBar</name>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Vo&amp;n:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Alle APIs</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>%1xx</source>
        <translation>%1xx</translation>
    </message>
    <message>
        <source>No lookup</source>
        <translation>Keine Abfrage</translation>
    </message>
    <message>
        <source>Part of the path</source>
        <translation>Teil des Pfads</translation>
    </message>
    <message>
        <source>Exact request id</source>
        <translation>Genaue Anfrage-ID</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>Zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Turn every filter off</source>
        <translation>Alle Filter ausschalten</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>AP&amp;I:</source>
        <translation>AP&amp;I:</translation>
    </message>
    <message>
        <source>Applica&amp;tion:</source>
        <translation>An&amp;wendung:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Pfad:</translation>
    </message>
    <message>
        <source>Request I&amp;D:</source>
        <translation>Anfrage-I&amp;D:</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>The start of the range must be before its end.</source>
        <translation>Der Beginn des Zeitraums muss vor seinem Ende liegen.</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>Anwe&amp;nden</translation>
    </message>
    <message>
        <source>C&amp;ache:</source>
        <translation>Cach&amp;e:</translation>
    </message>
    <message>
        <source>The calling application: pick one, or type its name or id</source>
        <translation>Die aufrufende Anwendung: eine auswählen oder ihren Namen oder ihre ID eingeben</translation>
    </message>
    <message>
        <source>Anonymous calls</source>
        <translation>Anonyme Aufrufe</translation>
    </message>
    <message>
        <source>No application is called &quot;%1&quot;: pick one from the list, or give its name or id.</source>
        <translation>Keine Anwendung heißt „%1“: Wählen Sie eine aus der Liste, oder geben Sie ihren Namen oder ihre ID an.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CallLogModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Miss</source>
        <translation>Fehltreffer</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Revalidated</source>
        <translation>Revalidiert</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>Umgangen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>(no longer stored)</source>
        <translation>(nicht mehr gespeichert)</translation>
    </message>
    <message>
        <source>%1 bytes in, %2 bytes out</source>
        <translation>%1 Bytes ein, %2 Bytes aus</translation>
    </message>
    <message>
        <source>No application (anonymous call)</source>
        <translation>Keine Anwendung (anonymer Aufruf)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Application id %1</source>
        <translation>Anwendungs-ID %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CallLogsPage</name>
    <message>
        <source>Call Logs</source>
        <translation>Aufrufprotokolle</translation>
    </message>
    <message>
        <source>&amp;Live tail</source>
        <translation>&amp;Live mitverfolgen</translation>
    </message>
    <message>
        <source>Add new calls at the top as they are logged, every second</source>
        <translation>Neue Aufrufe jede Sekunde oben einfügen, sobald sie protokolliert sind</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Save every call that matches the filters to a CSV file</source>
        <translation>Alle Aufrufe, die den Filtern entsprechen, als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Logged calls, newest first</source>
        <translation>Protokollierte Aufrufe, neueste zuerst</translation>
    </message>
    <message>
        <source>All fields of the selected call</source>
        <translation>Alle Felder des gewählten Aufrufs</translation>
    </message>
    <message>
        <source>Cannot read the call log: %1</source>
        <translation>Das Aufrufprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No calls match the filters.</source>
        <translation>Keine Aufrufe entsprechen den Filtern.</translation>
    </message>
    <message>
        <source>Calls loaded: %1 (scroll for more)</source>
        <translation>Geladene Aufrufe: %1 (für mehr blättern)</translation>
    </message>
    <message>
        <source>Calls: %1</source>
        <translation>Aufrufe: %1</translation>
    </message>
    <message>
        <source>This call is no longer stored: retention deleted it.</source>
        <translation>Dieser Aufruf ist nicht mehr gespeichert: Die Aufbewahrungsregel hat ihn gelöscht.</translation>
    </message>
    <message>
        <source>Export Call Log</source>
        <translation>Aufrufprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Exporting to %1: %2 calls written…</source>
        <translation>Export nach %1: %2 Aufrufe geschrieben…</translation>
    </message>
    <message>
        <source>Exported %1 calls to %2.</source>
        <translation>%1 Aufrufe nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>A preset range ends now: Refresh and live tail move it along. A custom range stays where it was set.</source>
        <translation>Ein vorgegebener Zeitraum endet jetzt: Aktualisieren und Live-Mitverfolgen schieben ihn weiter. Ein eigener Zeitraum bleibt, wo er gesetzt wurde.</translation>
    </message>
    <message>
        <source>Since %1, moving with the clock</source>
        <translation>Seit %1, läuft mit der Uhr mit</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Seit %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Von %1 bis %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CatalogModel</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Abgekündigt</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Eingestellt</translation>
    </message>
    <message>
        <source>Deprecated, sunset %1</source>
        <translation>Abgekündigt, Ende %1</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>sunset %1</source>
        <translation>Ende %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Base path</source>
        <translation>Basispfad</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CatalogPage</name>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>APIs as cards</source>
        <translation>APIs als Karten</translation>
    </message>
    <message>
        <source>Details of the selected API</source>
        <translation>Details der gewählten API</translation>
    </message>
    <message>
        <source>The catalog is unavailable: it is not open, or your account has no access to it.</source>
        <translation>Der Katalog ist nicht verfügbar: Er ist nicht geöffnet, oder Ihr Konto hat keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>No catalog.</source>
        <translation>Kein Katalog.</translation>
    </message>
    <message>
        <source>Search name, tag, description or path</source>
        <translation>Name, Tag, Beschreibung oder Pfad suchen</translation>
    </message>
    <message>
        <source>Owner team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle Teams</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <source>Lifecycle state</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Any visibility</source>
        <translation>Jede Sichtbarkeit</translation>
    </message>
    <message>
        <source>Search the catalog (%1)</source>
        <translation>Katalog durchsuchen (%1)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Show the APIs as a table</source>
        <translation>APIs als Tabelle zeigen</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Show the APIs as cards</source>
        <translation>APIs als Karten zeigen</translation>
    </message>
    <message>
        <source>Cannot read the catalog: %1</source>
        <translation>Der Katalog kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Select an API to see its details.</source>
        <translation>Wählen Sie eine API, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>The catalog has no APIs you can see.</source>
        <translation>Der Katalog hat keine für Sie sichtbaren APIs.</translation>
    </message>
    <message>
        <source>No API matches the search.</source>
        <translation>Keine API passt zur Suche.</translation>
    </message>
    <message>
        <source>%1 of %2 APIs</source>
        <translation>%1 von %2 APIs</translation>
    </message>
    <message>
        <source>1 API</source>
        <translation>1 API</translation>
    </message>
    <message>
        <source>%1 APIs</source>
        <translation>%1 APIs</translation>
    </message>
    <message>
        <source>Cannot show this API: %1 (%2)</source>
        <translation>Diese API kann nicht angezeigt werden: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 is published: the gateway routes it now.</source>
        <translation>%1 ist veröffentlicht: Das Gateway leitet sie jetzt weiter.</translation>
    </message>
    <message>
        <source>%1 is deprecated: its responses carry Deprecation and Sunset headers.</source>
        <translation>%1 ist abgekündigt: Ihre Antworten tragen Deprecation- und Sunset-Header.</translation>
    </message>
    <message>
        <source>%1 is retired: calls are answered with 410 Gone.</source>
        <translation>%1 ist eingestellt: Aufrufe werden mit 410 Gone beantwortet.</translation>
    </message>
    <message>
        <source>The draft %1 is deleted.</source>
        <translation>Der Entwurf %1 ist gelöscht.</translation>
    </message>
    <message>
        <source>Version %1 was created as a draft.</source>
        <translation>Version %1 wurde als Entwurf angelegt.</translation>
    </message>
    <message>
        <source>%1 was refused: %2 (%3)</source>
        <translation>%1 wurde abgelehnt: %2 (%3)</translation>
    </message>
    <message>
        <source>The cache policy of %1 is saved; the gateway applies it with its next configuration.</source>
        <translation>Die Cache-Richtlinie von %1 ist gespeichert; das Gateway übernimmt sie mit seiner nächsten Konfiguration.</translation>
    </message>
    <message>
        <source>The cache policy was refused: %1</source>
        <translation>Die Cache-Richtlinie wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>The cache policy was refused: %1 (%2)</source>
        <translation>Die Cache-Richtlinie wurde abgelehnt: %1 (%2)</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>keine Berechtigung</translation>
    </message>
    <message>
        <source>no longer exists or is not visible to you</source>
        <translation>existiert nicht mehr oder ist für Sie nicht sichtbar</translation>
    </message>
    <message>
        <source>not possible in its current state</source>
        <translation>im aktuellen Zustand nicht möglich</translation>
    </message>
    <message>
        <source>the API is not ready for it</source>
        <translation>die API ist dafür nicht bereit</translation>
    </message>
    <message>
        <source>the catalog could not be written</source>
        <translation>der Katalog konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;New API…</source>
        <translation>&amp;Neue API…</translation>
    </message>
    <message>
        <source>&amp;Import OpenAPI…</source>
        <translation>OpenAPI &amp;importieren…</translation>
    </message>
    <message>
        <source>Create a draft API from an OpenAPI 3 document</source>
        <translation>Einen API-Entwurf aus einem OpenAPI-3-Dokument anlegen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected API&apos;s definition</source>
        <translation>Die Definition der gewählten API ändern</translation>
    </message>
    <message>
        <source>%1 %2 is created as a draft.</source>
        <translation>%1 %2 ist als Entwurf angelegt.</translation>
    </message>
    <message>
        <source>%1 %2 is imported as a draft (routes: %3).</source>
        <translation>%1 %2 ist als Entwurf importiert (Routen: %3).</translation>
    </message>
    <message>
        <source>%1 %2 is saved.</source>
        <translation>%1 %2 ist gespeichert.</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 could not be exported: %2</source>
        <translation>%1 konnte nicht exportiert werden: %2</translation>
    </message>
    <message>
        <source>%1 could not be saved to %2: %3</source>
        <translation>%1 konnte nicht in %2 gespeichert werden: %3</translation>
    </message>
    <message>
        <source>%1 is exported as its OpenAPI document (JSON) to %2.</source>
        <translation>%1 wurde als OpenAPI-Dokument (JSON) nach %2 exportiert.</translation>
    </message>
    <message>
        <source>%1 is exported as a workspace file to %2; apply it with --apply-workspace.</source>
        <translation>%1 wurde als Arbeitsbereichsdatei nach %2 exportiert; wenden Sie sie mit --apply-workspace an.</translation>
    </message>
    <message>
        <source>The catalog is not available.</source>
        <translation>Der Katalog ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Create a draft API from a form (%1)</source>
        <translation>Einen API-Entwurf über ein Formular anlegen (%1)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::DashboardPage</name>
    <message>
        <source>Live traffic</source>
        <translation>Live-Verkehr</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 Std.</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 Std.</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>The last five minutes, one point per second</source>
        <translation>Die letzten fünf Minuten, ein Punkt pro Sekunde</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99-Latenz</translation>
    </message>
    <message>
        <source>Error rate (5xx)</source>
        <translation>Fehlerrate (5xx)</translation>
    </message>
    <message>
        <source>Dropped log records</source>
        <translation>Verworfene Protokolleinträge</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>Alle Anfragen</translation>
    </message>
    <message>
        <source>Responses by status class</source>
        <translation>Antworten nach Statusklasse</translation>
    </message>
    <message>
        <source>Responses/s</source>
        <translation>Antworten/s</translation>
    </message>
    <message>
        <source> responses/s</source>
        <translation> Antworten/s</translation>
    </message>
    <message>
        <source>2xx</source>
        <translation>2xx</translation>
    </message>
    <message>
        <source>3xx</source>
        <translation>3xx</translation>
    </message>
    <message>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source> errors/s</source>
        <translation> Fehler/s</translation>
    </message>
    <message>
        <source>Upstream errors</source>
        <translation>Upstream-Fehler</translation>
    </message>
    <message>
        <source>5xx responses</source>
        <translation>5xx-Antworten</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No history yet</source>
        <translation>Noch kein Verlauf</translation>
    </message>
    <message>
        <source>%1 requests in total</source>
        <translation>%1 Anfragen insgesamt</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No cache statistics</source>
        <translation>Keine Cache-Statistik</translation>
    </message>
    <message>
        <source>Of cacheable requests</source>
        <translation>Der cachebaren Anfragen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No latency statistics</source>
        <translation>Keine Latenzstatistik</translation>
    </message>
    <message>
        <source>Gateway to client</source>
        <translation>Gateway zum Client</translation>
    </message>
    <message>
        <source>%1 server errors/s</source>
        <translation>%1 Serverfehler/s</translation>
    </message>
    <message>
        <source>Since the gateway started</source>
        <translation>Seit dem Start des Gateways</translation>
    </message>
    <message>
        <source>History could not be loaded: %1</source>
        <translation>Der Verlauf konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Hit ratio (%)</source>
        <translation>Trefferquote (%)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Hits of cacheable requests</source>
        <translation>Treffer bei cachebaren Anfragen</translation>
    </message>
    <message>
        <source>Requests by cache status</source>
        <translation>Anfragen nach Cache-Status</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Miss</source>
        <translation>Fehltreffer</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Revalidated</source>
        <translation>Revalidiert</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>Umgangen</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>Latenz-Perzentile</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Top APIs by requests</source>
        <translation>Top-APIs nach Anfragen</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Requests in the range</source>
        <translation>Anfragen im Zeitraum</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>Top APIs by cache hit ratio</source>
        <translation>Top-APIs nach Cache-Trefferquote</translation>
    </message>
    <message>
        <source>No cacheable requests</source>
        <translation>Keine cachebaren Anfragen</translation>
    </message>
    <message>
        <source>No API traffic in the last 5 minutes</source>
        <translation>Kein API-Verkehr in den letzten 5 Minuten</translation>
    </message>
    <message>
        <source>No API traffic in this range</source>
        <translation>Kein API-Verkehr in diesem Zeitraum</translation>
    </message>
    <message>
        <source>No cacheable API traffic</source>
        <translation>Kein cachebarer API-Verkehr</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Cache-Größe</translation>
    </message>
    <message>
        <source>%1 objects, %2 budget</source>
        <translation>%1 Objekte, Budget %2</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>This instance stores no calls</source>
        <translation>Diese Instanz speichert keine Aufrufe</translation>
    </message>
    <message>
        <source>Call logging is turned off: the gateway captures no call records (GATEHOUSE_CALL_LOG=off).</source>
        <translation>Die Aufrufprotokollierung ist ausgeschaltet: Das Gateway erfasst keine Aufrufdatensätze (GATEHOUSE_CALL_LOG=off).</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>Die letzte Stunde</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>Die letzten 24 Stunden</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>Die letzten 7 Tage</translation>
    </message>
    <message>
        <source>The last 30 days</source>
        <translation>Die letzten 30 Tage</translation>
    </message>
    <message>
        <source>No requests in the last 5 minutes. View &gt; Demo Traffic (Ctrl+T) sends some.</source>
        <translation>Keine Anfragen in den letzten 5 Minuten. Ansicht &gt; Demo-Verkehr (Strg+T) sendet welche.</translation>
    </message>
    <message>
        <source>The gateway is stopped: Gateway &gt; Start Gateway starts it.</source>
        <translation>Das Gateway ist gestoppt: Gateway &gt; Gateway starten startet es.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::DemoCatalogOffer</name>
    <message>
        <source>Create &amp;Demo Workspace...</source>
        <translation>&amp;Demo-Arbeitsbereich anlegen...</translation>
    </message>
    <message>
        <source>Adds demo teams, APIs, plans, applications and subscriptions on the built-in demo origin to an empty catalog</source>
        <translation>Legt in einem leeren Katalog Demo-Teams, -APIs, -Tarife, -Anwendungen und -Abonnements auf dem eingebauten Demo-Origin an</translation>
    </message>
    <message>
        <source>Demo Workspace</source>
        <translation>Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <source>Your catalog is empty. Create a demo workspace?</source>
        <translation>Ihr Katalog ist leer. Einen Demo-Arbeitsbereich anlegen?</translation>
    </message>
    <message>
        <source>Create the demo workspace?</source>
        <translation>Den Demo-Arbeitsbereich anlegen?</translation>
    </message>
    <message>
        <source>Could not create the demo workspace: %1</source>
        <translation>Der Demo-Arbeitsbereich konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The demo workspace was not created: the catalog already has APIs.</source>
        <translation>Der Demo-Arbeitsbereich wurde nicht angelegt: Der Katalog enthält bereits APIs.</translation>
    </message>
    <message>
        <source>Could not issue a key for the demo traffic: %1</source>
        <translation>Für den Demo-Verkehr konnte kein Schlüssel ausgestellt werden: %1</translation>
    </message>
    <message>
        <source>It adds two teams, APIs with different cache policies on the built-in demo origin, plans, two applications with keys, and one subscription waiting for approval. The traffic generator gets a key for the demo APIs. A catalog that already has APIs of its own is left as it is; a demo workspace left half made is completed.</source>
        <translation>Er enthält zwei Teams, APIs mit unterschiedlichen Cache-Richtlinien auf dem eingebauten Demo-Origin, Tarife, zwei Anwendungen mit Schlüsseln und ein Abonnement, das auf Genehmigung wartet. Der Verkehrsgenerator erhält einen Schlüssel für die Demo-APIs. Ein Katalog, der bereits eigene APIs hat, bleibt unverändert; ein halb angelegter Demo-Arbeitsbereich wird vervollständigt.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayPage</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Listener</translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1 or 0.0.0.0</source>
        <translation>z. B. 127.0.0.1 oder 0.0.0.0</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <source>One per core (%1)</source>
        <translation>Einer pro Kern (%1)</translation>
    </message>
    <message>
        <source>Listening on:</source>
        <translation>Lauscht auf:</translation>
    </message>
    <message>
        <source>Demo origin:</source>
        <translation>Demo-Origin:</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>Ausprobieren:</translation>
    </message>
    <message>
        <source>Since start</source>
        <translation>Seit dem Start</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Empfangen:</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Gesendet:</translation>
    </message>
    <message>
        <source>Upstream errors:</source>
        <translation>Upstream-Fehler:</translation>
    </message>
    <message>
        <source>Upstream health</source>
        <translation>Upstream-Zustand</translation>
    </message>
    <message>
        <source>Enter a listen address, for example 127.0.0.1.</source>
        <translation>Geben Sie eine Listen-Adresse ein, zum Beispiel 127.0.0.1.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopping (draining requests)…</source>
        <translation>Wird gestoppt (laufende Anfragen werden beendet)…</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Lauscht nicht</translation>
    </message>
    <message>
        <source>No upstream targets reported yet.</source>
        <translation>Noch keine Upstream-Ziele gemeldet.</translation>
    </message>
    <message>
        <source>%1 of %2 targets healthy</source>
        <translation>%1 von %2 Zielen gesund</translation>
    </message>
    <message>
        <source>Upstream health is checked while the gateway runs.</source>
        <translation>Der Upstream-Zustand wird geprüft, solange der Gateway läuft.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Copy the admin API&apos;s bearer token to the clipboard</source>
        <translation>Das Bearer-Token der Admin-API in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Admin API:</source>
        <translation>Admin-API:</translation>
    </message>
    <message>
        <source>The admin API token could not be read from %1.</source>
        <translation>Das Token der Admin-API konnte nicht aus %1 gelesen werden.</translation>
    </message>
    <message>
        <source>The admin API token file %1 is empty.</source>
        <translation>Die Token-Datei der Admin-API %1 ist leer.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>e.g. 30s, 5m, 0 = off</source>
        <translation>z. B. 30s, 5m, 0 = aus</translation>
    </message>
    <message>
        <source>Off: host names are looked up when a configuration is applied.</source>
        <translation>Aus: Hostnamen werden aufgelöst, wenn eine Konfiguration angewendet wird.</translation>
    </message>
    <message>
        <source>Not a duration: enter e.g. 30s, 5m or 1h, or 0 to turn it off.</source>
        <translation>Keine Dauer: z. B. 30s, 5m oder 1h eingeben, oder 0 zum Ausschalten.</translation>
    </message>
    <message>
        <source>Must be 0 (off) or from 1s to 24h.</source>
        <translation>Muss 0 (aus) oder 1s bis 24h sein.</translation>
    </message>
    <message>
        <source>&amp;Listen address:</source>
        <translation>&amp;Listen-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>&amp;Worker-Threads:</translation>
    </message>
    <message>
        <source>&amp;DNS refresh:</source>
        <translation>&amp;DNS-Aktualisierung:</translation>
    </message>
    <message>
        <source>Copy To&amp;ken</source>
        <translation>Token &amp;kopieren</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>%1 (%2) needs an API key: &lt;a href=&quot;%3&quot;&gt;try it in the catalog&lt;/a&gt;</source>
        <translation>%1 (%2) braucht einen API-Schlüssel: &lt;a href=&quot;%3&quot;&gt;im Katalog testen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1 (%2) needs an API key.</source>
        <translation>%1 (%2) braucht einen API-Schlüssel.</translation>
    </message>
    <message>
        <source>The other routed APIs: open one in the browser, or try one that needs an API key in the catalog</source>
        <translation>Die übrigen gerouteten APIs: eine im Browser öffnen oder eine, die einen API-Schlüssel braucht, im Katalog testen</translation>
    </message>
    <message>
        <source>At most this long between lookups of an upstream host name, sooner when its DNS TTL runs out (1s at the least). 0 (off) or from 1s to 24h. Applies to the running gateway at once.</source>
        <translation>Höchstens so lange zwischen zwei Auflösungen eines Upstream-Hostnamens, früher, wenn seine DNS-TTL abläuft (mindestens 1s). 0 (aus) oder 1s bis 24h. Gilt sofort für das laufende Gateway.</translation>
    </message>
    <message>
        <source>%1 (%2) needs an API key: try it in the catalog</source>
        <translation>%1 (%2) braucht einen API-Schlüssel: im Katalog testen</translation>
    </message>
    <message numerus="yes">
        <source>%n more…</source>
        <translation>
            <numerusform>%n weitere…</numerusform>
            <numerusform>%n weitere…</numerusform>
        </translation>
    </message>
    <message>
        <source>Looked up again when the DNS TTL ends, at least every %1.</source>
        <translation>Neu aufgelöst, wenn die DNS-TTL abläuft, spätestens alle %1.</translation>
    </message>
    <message>
        <source>Refused connections:</source>
        <translation>Abgewiesene Verbindungen:</translation>
    </message>
    <message>
        <source>Connections closed before a request, unanswered: %1 failed or missing TLS handshakes, %2 without a valid PROXY protocol header</source>
        <translation>Vor einer Anfrage unbeantwortet geschlossene Verbindungen: %1 fehlgeschlagene oder ausgebliebene TLS-Handshakes, %2 ohne gültigen PROXY-Protokoll-Header</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IssueKeyDialog</name>
    <message>
        <source>Issue API Key</source>
        <translation>API-Schlüssel ausstellen</translation>
    </message>
    <message>
        <source>A new key for %1. It is shown once, right after it is issued.</source>
        <translation>Ein neuer Schlüssel für %1. Er wird einmal angezeigt, direkt nach dem Ausstellen.</translation>
    </message>
    <message>
        <source>Optional, e.g. CI or production</source>
        <translation>Optional, z. B. CI oder Produktion</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Expires at the end of</source>
        <translation>&amp;Gültig bis Ende</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Ablauf:</translation>
    </message>
    <message>
        <source>Issue Key</source>
        <translation>Ausstellen</translation>
    </message>
    <message>
        <source>Choose today or a later date.</source>
        <translation>Wählen Sie heute oder ein späteres Datum.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::KeyRevealDialog</name>
    <message>
        <source>New API Key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>The new key of %1:</source>
        <translation>Der neue Schlüssel von %1:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the key to the clipboard</source>
        <translation>Den Schlüssel in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy the key now: it will not be shown again.&lt;/b&gt; Gatehouse keeps only a fingerprint of it. If the key is lost, issue a new one and revoke this one.</source>
        <translation>&lt;b&gt;Kopieren Sie den Schlüssel jetzt: Er wird nicht noch einmal angezeigt.&lt;/b&gt; Gatehouse speichert nur einen Fingerabdruck davon. Geht der Schlüssel verloren, stellen Sie einen neuen aus und widerrufen diesen.</translation>
    </message>
    <message>
        <source>Clients send it in the &lt;code&gt;X-API-Key&lt;/code&gt; header.</source>
        <translation>Clients senden ihn im Header &lt;code&gt;X-API-Key&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Until you quit the console, Try It in the Catalog can send requests with this key.</source>
        <translation>Bis Sie die Konsole beenden, kann „Testen“ im Katalog Anfragen mit diesem Schlüssel senden.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::LifecycleDialog</name>
    <message>
        <source>Publish API</source>
        <translation>API veröffentlichen</translation>
    </message>
    <message>
        <source>Deprecate API</source>
        <translation>API abkündigen</translation>
    </message>
    <message>
        <source>Retire API</source>
        <translation>API einstellen</translation>
    </message>
    <message>
        <source>Delete Draft</source>
        <translation>Entwurf löschen</translation>
    </message>
    <message>
        <source>New Version</source>
        <translation>Neue Version</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Publish %1? The gateway starts routing %2 at once, and applications can subscribe to its plans. A published API is not changed back into a draft: it is deprecated and retired instead.</source>
        <translation>%1 veröffentlichen? Das Gateway leitet %2 sofort weiter, und Anwendungen können ihre Tarife abonnieren. Eine veröffentlichte API wird nicht wieder zum Entwurf: Sie wird stattdessen abgekündigt und eingestellt.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Deprecate %1? Calls keep working until it is retired, but every response carries a Deprecation header and a Sunset header with the date below, and a Link to the successor if you name one.</source>
        <translation>%1 abkündigen? Aufrufe funktionieren weiter, bis sie eingestellt wird, aber jede Antwort trägt einen Deprecation-Header und einen Sunset-Header mit dem Datum unten sowie einen Link auf den Nachfolger, falls Sie einen angeben.</translation>
    </message>
    <message>
        <source>&amp;Sunset date:</source>
        <translation>&amp;Abschaltdatum:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Su&amp;ccessor:</source>
        <translation>Na&amp;chfolger:</translation>
    </message>
    <message>
        <source>Deprecate</source>
        <translation>Abkündigen</translation>
    </message>
    <message>
        <source>Retire %1? Every call to %2 is answered with 410 Gone from now on, whatever the key. Retiring is final.</source>
        <translation>%1 einstellen? Jeder Aufruf von %2 wird ab sofort mit 410 Gone beantwortet, gleich mit welchem Schlüssel. Das Einstellen ist endgültig.</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Einstellen</translation>
    </message>
    <message>
        <source>Delete the draft %1 with its routes, upstream targets and plans? This cannot be undone.</source>
        <translation>Den Entwurf %1 mit seinen Routen, Upstream-Zielen und Tarifen löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>Create Version</source>
        <translation>Version anlegen</translation>
    </message>
    <message>
        <source>Optional, kept in the audit log</source>
        <translation>Optional, wird im Prüfprotokoll vermerkt</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Enter a version, for example v2.</source>
        <translation>Geben Sie eine Version ein, zum Beispiel v2.</translation>
    </message>
    <message>
        <source>Version %1 already exists.</source>
        <translation>Version %1 gibt es schon.</translation>
    </message>
    <message>
        <source>Where the gateway serves the new version. It must not overlap the base path of another API, this one included.</source>
        <translation>Wo das Gateway die neue Version bereitstellt. Er darf sich nicht mit dem Basispfad einer anderen API überschneiden, auch nicht mit dem dieser.</translation>
    </message>
    <message>
        <source>&amp;Base path:</source>
        <translation>Ba&amp;sispfad:</translation>
    </message>
    <message>
        <source>Enter a base path, for example %1.</source>
        <translation>Geben Sie einen Basispfad ein, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>The base path must start with &apos;/&apos;.</source>
        <translation>Der Basispfad muss mit „/“ beginnen.</translation>
    </message>
    <message>
        <source>%1 is the base path of %2 %3: the new version needs its own.</source>
        <translation>%1 ist der Basispfad von %2 %3: Die neue Version braucht einen eigenen.</translation>
    </message>
    <message>
        <source>Create a new version of %1: a draft copy of its routes, targets and cache policy, linked to it as its successor. It gets the base path below, which no other API may overlap; the gateway serves it there once it is published.</source>
        <translation>Eine neue Version von %1 anlegen: eine Entwurfskopie seiner Routen, Ziele und Cache-Richtlinie, als Nachfolger mit ihr verknüpft. Sie erhält den Basispfad unten, mit dem sich keine andere API überschneiden darf; das Gateway stellt sie dort bereit, sobald sie veröffentlicht ist.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::MainWindow</name>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Browse every API your teams publish: versions, owners, lifecycle and documentation, in one searchable catalog.</source>
        <translation>Alle APIs Ihrer Teams an einem Ort: Versionen, Verantwortliche, Lebenszyklus und Dokumentation in einem durchsuchbaren Katalog.</translation>
    </message>
    <message>
        <source>Register the applications that call your APIs, manage their keys and see what each one subscribes to.</source>
        <translation>Registrieren Sie die Anwendungen, die Ihre APIs aufrufen, verwalten Sie ihre Schlüssel und sehen Sie, was jede abonniert hat.</translation>
    </message>
    <message>
        <source>Review subscription requests and approve or reject them, with a record of who decided what and when.</source>
        <translation>Prüfen Sie Abonnementanfragen und genehmigen oder lehnen Sie sie ab – mit einem Protokoll, wer wann was entschieden hat.</translation>
    </message>
    <message>
        <source>Organise people into teams with roles, so each team manages its own APIs and applications.</source>
        <translation>Ordnen Sie Personen mit Rollen in Teams, damit jedes Team seine eigenen APIs und Anwendungen verwaltet.</translation>
    </message>
    <message>
        <source>Search and inspect individual API calls: method, path, status, latency, cache outcome and the calling application.</source>
        <translation>Einzelne API-Aufrufe suchen und untersuchen: Methode, Pfad, Status, Latenz, Cache-Ergebnis und aufrufende Anwendung.</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>&amp;Start Gateway</source>
        <translation>Gateway &amp;starten</translation>
    </message>
    <message>
        <source>S&amp;top Gateway</source>
        <translation>Gateway s&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Restart Gateway</source>
        <translation>Gateway &amp;neu starten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>&amp;Über Gatehouse</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>Über Gatehouse</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;An API management console with an embedded API gateway.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;Eine API-Verwaltungskonsole mit eingebautem API-Gateway.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Call Logs</source>
        <translation>Aufrufprotokolle</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Gateway stopped</source>
        <translation>Gateway gestoppt</translation>
    </message>
    <message>
        <source>Gateway starting…</source>
        <translation>Gateway wird gestartet…</translation>
    </message>
    <message>
        <source>Gateway running</source>
        <translation>Gateway läuft</translation>
    </message>
    <message>
        <source>Gateway stopping…</source>
        <translation>Gateway wird gestoppt…</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Lauscht nicht</translation>
    </message>
    <message>
        <source>Gateway started on %1.</source>
        <translation>Gateway auf %1 gestartet.</translation>
    </message>
    <message>
        <source>Gateway stopped.</source>
        <translation>Gateway gestoppt.</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message>
        <source>Hit ratio: %1</source>
        <translation>Trefferquote: %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Call logging is off: the telemetry database could not be opened (%1).</source>
        <translation>Die Aufrufprotokollierung ist aus: Die Telemetrie-Datenbank konnte nicht geöffnet werden (%1).</translation>
    </message>
    <message>
        <source>Demo Traffic</source>
        <translation>Demo-Verkehr</translation>
    </message>
    <message>
        <source>Demo &amp;Traffic</source>
        <translation>Demo-&amp;Verkehr</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Subscription requests waiting for a decision: %1</source>
        <translation>Abonnementanfragen, die auf eine Entscheidung warten: %1</translation>
    </message>
    <message>
        <source>Viewing as %1 (%2): a demo of what this role sees and may do. Switch back under Teams &gt; View as.</source>
        <translation>Ansicht als %1 (%2): eine Vorführung dessen, was diese Rolle sieht und darf. Zurück unter Teams &gt; Ansicht als.</translation>
    </message>
    <message>
        <source>The catalog is applied with warnings: %1</source>
        <translation>Der Katalog ist mit Warnungen angewendet: %1</translation>
    </message>
    <message>
        <source>The other Gatehouse writing the call logs has stopped: this instance now records its calls.</source>
        <translation>Das andere Gatehouse, das die Aufrufprotokolle schrieb, wurde beendet: Diese Instanz erfasst jetzt ihre Aufrufe.</translation>
    </message>
    <message>
        <source>This page is unavailable: the catalog is not open.</source>
        <translation>Diese Seite ist nicht verfügbar: Der Katalog ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>This page is unavailable. The catalog could not be opened: %1</source>
        <translation>Diese Seite ist nicht verfügbar. Der Katalog konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>This page is unavailable: the call log is not open.</source>
        <translation>Diese Seite ist nicht verfügbar: Das Aufrufprotokoll ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>This page is unavailable. The call log could not be opened: %1</source>
        <translation>Diese Seite ist nicht verfügbar. Das Aufrufprotokoll konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::NewApplicationDialog</name>
    <message>
        <source>New Application</source>
        <translation>Neue Anwendung</translation>
    </message>
    <message>
        <source>An application calls APIs with its own keys and subscriptions.</source>
        <translation>Eine Anwendung ruft APIs mit eigenen Schlüsseln und Abonnements auf.</translation>
    </message>
    <message>
        <source>e.g. Mobile shop</source>
        <translation>z. B. Mobiler Shop</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Ich (%1)</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>A team&apos;s applications are managed by every member of the team.</source>
        <translation>Die Anwendungen eines Teams verwaltet jedes Mitglied des Teams.</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Eigentümer:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Enter a name for the application.</source>
        <translation>Geben Sie einen Namen für die Anwendung ein.</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>Höchstens %1 Zeichen.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::OpenApiImportDialog</name>
    <message>
        <source>Import OpenAPI</source>
        <translation>OpenAPI importieren</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Choose &amp;File...</source>
        <translation>&amp;Datei wählen...</translation>
    </message>
    <message>
        <source>or paste a YAML or JSON document below</source>
        <translation>oder unten ein YAML- oder JSON-Dokument einfügen</translation>
    </message>
    <message>
        <source>openapi: 3.0.3
info:
  title: ...
</source>
        <translation>openapi: 3.0.3
info:
  title: ...
</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Nothing to import yet.</source>
        <translation>Noch nichts zu importieren.</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>&amp;Owning team:</source>
        <translation>&amp;Besitzendes Team:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>Eingefügter Text</translation>
    </message>
    <message>
        <source>Choose an OpenAPI Document</source>
        <translation>OpenAPI-Dokument wählen</translation>
    </message>
    <message>
        <source>OpenAPI documents (*.yaml *.yml *.json)</source>
        <translation>OpenAPI-Dokumente (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>%1 wird gelesen...</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Reading the document...</source>
        <translation>Dokument wird gelesen...</translation>
    </message>
    <message>
        <source>pasted</source>
        <translation>eingefügt</translation>
    </message>
    <message>
        <source>none (add one before publishing)</source>
        <translation>keins (vor dem Veröffentlichen hinzufügen)</translation>
    </message>
    <message>
        <source>The document cannot be imported:</source>
        <translation>Das Dokument kann nicht importiert werden:</translation>
    </message>
    <message>
        <source>Operations found: %1</source>
        <translation>Gefundene Operationen: %1</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <source>You may not publish APIs for any team.</source>
        <translation>Sie dürfen für kein Team APIs veröffentlichen.</translation>
    </message>
    <message>
        <source>The catalog is not available.</source>
        <translation>Der Katalog ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>the document&apos;s title</source>
        <translation>der Titel des Dokuments</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>The API&apos;s short name in URLs: a-z, 0-9 and &apos;-&apos;. All versions of an API share it.</source>
        <translation>Der Kurzname der API in URLs: a-z, 0-9 und &apos;-&apos;. Alle Versionen einer API teilen ihn.</translation>
    </message>
    <message>
        <source>S&amp;lug:</source>
        <translation>Kurz&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>Import it as another version of the same API</source>
        <translation>Als weitere Version derselben API importieren</translation>
    </message>
    <message>
        <source>Import it as an API of its own</source>
        <translation>Als eigene API importieren</translation>
    </message>
    <message>
        <source>%1 %2 is already in the catalog. Import this document as another version, or as an API of its own:</source>
        <translation>%1 %2 ist bereits im Katalog. Dieses Dokument als weitere Version oder als eigene API importieren:</translation>
    </message>
    <message>
        <source>&amp;Use version %1</source>
        <translation>V&amp;ersion %1 verwenden</translation>
    </message>
    <message>
        <source>Use &amp;slug %1</source>
        <translation>&amp;Kurzname %1 verwenden</translation>
    </message>
    <message>
        <source>Where the gateway serves the API, e.g. /billing/v1. It must not overlap another API&apos;s base path.</source>
        <translation>Wo das Gateway die API bereitstellt, z. B. /billing/v1. Er darf sich nicht mit dem Basispfad einer anderen API überschneiden.</translation>
    </message>
    <message>
        <source>&amp;Base path:</source>
        <translation>B&amp;asispfad:</translation>
    </message>
    <message>
        <source>Import it under a base path no other API uses</source>
        <translation>Unter einem Basispfad importieren, den keine andere API verwendet</translation>
    </message>
    <message>
        <source>Use &amp;path %1</source>
        <translation>&amp;Pfad %1 verwenden</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RankingBarChart</name>
    <message>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Als PNG exportieren</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1.</source>
        <translation>Das Diagramm konnte nicht unter %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ReasonDialog</name>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestSubscriptionDialog</name>
    <message>
        <source>Request Subscription</source>
        <translation>Abonnement anfragen</translation>
    </message>
    <message>
        <source>Which API should %1 call, and on which plan?</source>
        <translation>Welche API soll %1 aufrufen, und mit welchem Tarif?</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>&amp;API:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Tarif:</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Cannot read the catalog: %1</source>
        <translation>Der Katalog kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No published API with a plan is visible to you yet.</source>
        <translation>Für Sie ist noch keine veröffentlichte API mit einem Tarif sichtbar.</translation>
    </message>
    <message>
        <source>Approved at once: the application&apos;s keys work right away.</source>
        <translation>Sofort genehmigt: Die Schlüssel der Anwendung funktionieren gleich.</translation>
    </message>
    <message>
        <source>Needs an approval: the subscription waits until an approver decides.</source>
        <translation>Braucht eine Genehmigung: Das Abonnement wartet, bis jemand entscheidet.</translation>
    </message>
    <message>
        <source>Rate limit: %1 requests a minute.</source>
        <translation>Ratenlimit: %1 Anfragen pro Minute.</translation>
    </message>
    <message>
        <source>Quota: %1 requests a month.</source>
        <translation>Kontingent: %1 Anfragen pro Monat.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SettingsPage</name>
    <message>
        <source>Interface</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <source>Gateway defaults</source>
        <translation>Gateway-Standardwerte</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <source>One per core (%1)</source>
        <translation>Einer pro Kern (%1)</translation>
    </message>
    <message>
        <source>Used when Gatehouse starts, unless a configuration file or the command line says otherwise. To change the running gateway, use the Gateway page.</source>
        <translation>Gilt beim Start von Gatehouse, sofern weder eine Konfigurationsdatei noch die Befehlszeile etwas anderes vorgeben. Den laufenden Gateway ändern Sie auf der Seite „Gateway“.</translation>
    </message>
    <message>
        <source>Restart Gatehouse to use the new language.</source>
        <translation>Starten Sie Gatehouse neu, um die neue Sprache zu verwenden.</translation>
    </message>
    <message>
        <source>The interface language changes the next time Gatehouse starts.</source>
        <translation>Die Sprache der Oberfläche ändert sich beim nächsten Start von Gatehouse.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>&amp;Listen-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>&amp;Worker-Threads:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SignInDialog</name>
    <message>
        <source>Sign In to Gatehouse</source>
        <translation>Bei Gatehouse anmelden</translation>
    </message>
    <message>
        <source>This catalog is shared: sign in with your account.
%1</source>
        <translation>Dieser Katalog wird gemeinsam genutzt: Melden Sie sich mit Ihrem Konto an.
%1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cannot sign in: %1</source>
        <translation>Anmeldung nicht möglich: %1</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Create the First Administrator</source>
        <translation>Ersten Administrator anlegen</translation>
    </message>
    <message>
        <source>This shared catalog has no users yet. Choose the name and password of its first administrator, who can then invite everyone else.</source>
        <translation>Dieser gemeinsame Katalog hat noch keine Benutzer. Wählen Sie Name und Passwort seines ersten Administrators, der dann alle anderen einladen kann.</translation>
    </message>
    <message>
        <source>Create and Sign In</source>
        <translation>Anlegen und anmelden</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Cannot create the administrator: %1</source>
        <translation>Der Administrator kann nicht angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SubscriptionsModel</name>
    <message>
        <source>Approval: %1</source>
        <translation>Genehmigung: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TargetHealthModel</name>
    <message>
        <source>%1 requests, %2 failed</source>
        <translation>%1 Anfragen, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Consecutive failures</source>
        <translation>Fehler in Folge</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>Aktive Verbindungen</translation>
    </message>
    <message>
        <source>Last latency</source>
        <translation>Letzte Latenz</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>Nicht auflösbar</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>DNS refresh failed: %1 (still using the last addresses)</source>
        <translation>DNS-Aktualisierung fehlgeschlagen: %1 (die letzten Adressen bleiben in Gebrauch)</translation>
    </message>
    <message>
        <source>Upstream %1</source>
        <translation>Upstream %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TeamsPage</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation role</source>
        <translation>Organisationsrolle</translation>
    </message>
    <message>
        <source>Team role</source>
        <translation>Teamrolle</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Demo: see and act with the permissions of a user with this role</source>
        <translation>Vorführung: mit den Rechten eines Benutzers dieser Rolle sehen und handeln</translation>
    </message>
    <message>
        <source>&amp;Teams</source>
        <translation>&amp;Teams</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>Teams are unavailable: the catalog is not open, or your account has no access to it.</source>
        <translation>Teams sind nicht verfügbar: Der Katalog ist nicht geöffnet, oder Ihr Konto hat keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>&amp;New Team…</source>
        <translation>&amp;Neues Team…</translation>
    </message>
    <message>
        <source>Members of the selected team</source>
        <translation>Mitglieder des ausgewählten Teams</translation>
    </message>
    <message>
        <source>&amp;Add Member…</source>
        <translation>&amp;Mitglied hinzufügen…</translation>
    </message>
    <message>
        <source>Team &amp;role:</source>
        <translation>Team&amp;rolle:</translation>
    </message>
    <message>
        <source>Change the selected member&apos;s role in this team</source>
        <translation>Die Rolle des ausgewählten Mitglieds in diesem Team ändern</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected member from this team</source>
        <translation>Das ausgewählte Mitglied aus diesem Team entfernen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Invite User…</source>
        <translation>Benutzer &amp;einladen…</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;olle:</translation>
    </message>
    <message>
        <source>Change the selected user&apos;s organisation role</source>
        <translation>Die Organisationsrolle des ausgewählten Benutzers ändern</translation>
    </message>
    <message>
        <source>Cannot view as this role: %1</source>
        <translation>Ansicht als diese Rolle nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot read the teams: %1</source>
        <translation>Die Teams können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This computer&apos;s account</source>
        <translation>Konto dieses Computers</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>No password yet</source>
        <translation>Noch kein Passwort</translation>
    </message>
    <message>
        <source>Select a team to see its members.</source>
        <translation>Wählen Sie ein Team, um seine Mitglieder zu sehen.</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Mitglieder von %1</translation>
    </message>
    <message>
        <source>New Team</source>
        <translation>Neues Team</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Be&amp;schreibung:</translation>
    </message>
    <message>
        <source>Add Member</source>
        <translation>Mitglied hinzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>Invite User</source>
        <translation>Benutzer einladen</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Einladen</translation>
    </message>
    <message>
        <source>e.g. maya or maya@example.com</source>
        <translation>z. B. maya oder maya@example.com</translation>
    </message>
    <message>
        <source>empty: cannot sign in yet</source>
        <translation>leer: noch keine Anmeldung möglich</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>Ro&amp;lle:</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>Erstes &amp;Passwort:</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Vie&amp;w as:</source>
        <translation>Ans&amp;icht als:</translation>
    </message>
    <message>
        <source>Au&amp;dit Log</source>
        <translation>Au&amp;dit-Log</translation>
    </message>
    <message>
        <source>Create a team (%1)</source>
        <translation>Ein Team anlegen (%1)</translation>
    </message>
    <message>
        <source>Create an account in this catalog (%1)</source>
        <translation>Ein Konto in diesem Katalog anlegen (%1)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TelemetryDashboardSource</name>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>Telemetry is not running.</source>
        <translation>Die Telemetrie läuft nicht.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TimeSeriesChart</name>
    <message>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Als PNG exportieren</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1.</source>
        <translation>Das Diagramm konnte nicht unter %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>%1
%2: %3%4</source>
        <translation>%1
%2: %3%4</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TrafficPanel</name>
    <message>
        <source>/shop/1 ... /shop/200: cacheable product pages</source>
        <translation>/shop/1 ... /shop/200: cachebare Produktseiten</translation>
    </message>
    <message>
        <source>/weather/{city}: short-lived forecasts</source>
        <translation>/weather/{city}: kurzlebige Vorhersagen</translation>
    </message>
    <message>
        <source>/echo: never cached</source>
        <translation>/echo: nie gecacht</translation>
    </message>
    <message>
        <source>Start &amp;traffic</source>
        <translation>&amp;Verkehr starten</translation>
    </message>
    <message>
        <source>Send demo requests through the running gateway</source>
        <translation>Demo-Anfragen über das laufende Gateway senden</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Ignore the rate and keep every connection busy</source>
        <translation>Rate ignorieren und jede Verbindung ausgelastet halten</translation>
    </message>
    <message>
        <source> connections</source>
        <translation> Verbindungen</translation>
    </message>
    <message>
        <source>Zipf α of the URL choice: 0 is uniform; higher values concentrate traffic on a few hot URLs, which the cache loves</source>
        <translation>Zipf-α der URL-Auswahl: 0 ist gleichverteilt; höhere Werte bündeln den Verkehr auf wenige häufige URLs, was dem Cache zugutekommt</translation>
    </message>
    <message>
        <source>%1 share:</source>
        <translation>Anteil %1:</translation>
    </message>
    <message>
        <source>None (open APIs only)</source>
        <translation>Keiner (nur offene APIs)</translation>
    </message>
    <message>
        <source>Sent as X-API-Key with every request</source>
        <translation>Wird mit jeder Anfrage als X-API-Key gesendet</translation>
    </message>
    <message>
        <source>Demo origin</source>
        <translation>Demo-Origin</translation>
    </message>
    <message>
        <source>Share of the demo origin&apos;s responses that become 500</source>
        <translation>Anteil der Antworten des Demo-Origins, die zu 500 werden</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Extra time the demo origin takes per response</source>
        <translation>Zusätzliche Zeit, die der Demo-Origin pro Antwort braucht</translation>
    </message>
    <message>
        <source>Only for the built-in demo origin</source>
        <translation>Nur für den eingebauten Demo-Origin</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Throughput:</source>
        <translation>Durchsatz:</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <source>Responses:</source>
        <translation>Antworten:</translation>
    </message>
    <message>
        <source>Failures:</source>
        <translation>Fehlschläge:</translation>
    </message>
    <message>
        <source>Since start:</source>
        <translation>Seit dem Start:</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Target requests per second (logarithmic)</source>
        <translation>Ziel-Anfragen pro Sekunde (logarithmisch)</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source>Give at least one API a share of the traffic.</source>
        <translation>Mindestens eine API braucht einen Anteil am Verkehr.</translation>
    </message>
    <message>
        <source>Start the gateway first: the traffic goes through it.</source>
        <translation>Zuerst das Gateway starten: Der Verkehr läuft darüber.</translation>
    </message>
    <message>
        <source>%1 of %2 requests/s</source>
        <translation>%1 von %2 Anfragen/s</translation>
    </message>
    <message>
        <source>%1 requests/s (unpaced)</source>
        <translation>%1 Anfragen/s (ungebremst)</translation>
    </message>
    <message>
        <source>p50 %1 ms · p90 %2 ms · p99 %3 ms</source>
        <translation>p50 %1 ms · p90 %2 ms · p99 %3 ms</translation>
    </message>
    <message>
        <source>2xx %1 · 3xx %2 · 4xx %3 · 5xx %4</source>
        <translation>2xx %1 · 3xx %2 · 4xx %3 · 5xx %4</translation>
    </message>
    <message>
        <source>%1 connection errors · %2 I/O errors</source>
        <translation>%1 Verbindungsfehler · %2 E/A-Fehler</translation>
    </message>
    <message>
        <source>%1 sent · %2 completed in %3 s</source>
        <translation>%1 gesendet · %2 abgeschlossen in %3 s</translation>
    </message>
    <message>
        <source>Sending to http://127.0.0.1:%1</source>
        <translation>Sende an http://127.0.0.1:%1</translation>
    </message>
    <message>
        <source>Stopped. Start to send demo requests through the gateway.</source>
        <translation>Angehalten. Starten, um Demo-Anfragen über das Gateway zu senden.</translation>
    </message>
    <message>
        <source>The gateway is not running.</source>
        <translation>Das Gateway läuft nicht.</translation>
    </message>
    <message>
        <source>/v2/products/{id} and search: cached; needs the API key</source>
        <translation>/v2/products/{id} und Suche: gecacht; braucht den API-Schlüssel</translation>
    </message>
    <message>
        <source>/v1/products/{id}: answers with Deprecation and Sunset headers; needs the API key</source>
        <translation>/v1/products/{id}: antwortet mit Deprecation- und Sunset-Headern; braucht den API-Schlüssel</translation>
    </message>
    <message>
        <source>/v1/weather/{city}: short TTL, stale-while-revalidate; needs the API key</source>
        <translation>/v1/weather/{city}: kurze TTL, stale-while-revalidate; braucht den API-Schlüssel</translation>
    </message>
    <message>
        <source>/v1/echo/{word}: open to everyone, never cached</source>
        <translation>/v1/echo/{word}: für alle offen, nie gecacht</translation>
    </message>
    <message>
        <source>/v1/inventory/items: a draft; only its own team&apos;s keys get through, so the demo key is refused with 403</source>
        <translation>/v1/inventory/items: ein Entwurf; nur Schlüssel des eigenen Teams kommen durch, daher wird der Demo-Schlüssel mit 403 abgelehnt</translation>
    </message>
    <message>
        <source>Mix of APIs</source>
        <translation>API-Mischung</translation>
    </message>
    <message>
        <source>Open demo routes</source>
        <translation>Offene Demo-Routen</translation>
    </message>
    <message>
        <source>Demo catalog APIs</source>
        <translation>APIs des Demo-Katalogs</translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation>&amp;Produkte</translation>
    </message>
    <message>
        <source>&amp;Weather</source>
        <translation>&amp;Wetter</translation>
    </message>
    <message>
        <source>E&amp;cho</source>
        <translation>&amp;Echo</translation>
    </message>
    <message>
        <source>Prod&amp;ucts v2</source>
        <translation>Pro&amp;ducts v2</translation>
    </message>
    <message>
        <source>Products v1 (&amp;deprecated)</source>
        <translation>Prod&amp;ucts v1 (veraltet)</translation>
    </message>
    <message>
        <source>W&amp;eather v1</source>
        <translation>Wea&amp;ther v1</translation>
    </message>
    <message>
        <source>Ech&amp;o v1</source>
        <translation>Ech&amp;o v1</translation>
    </message>
    <message>
        <source>&amp;Inventory (draft)</source>
        <translation>I&amp;nventory (Entwurf)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Rate:</translation>
    </message>
    <message>
        <source>As &amp;fast as possible</source>
        <translation>So schnell wie &amp;möglich</translation>
    </message>
    <message>
        <source>Co&amp;ncurrency:</source>
        <translation>Parallel&amp;ität:</translation>
    </message>
    <message>
        <source>Key skew (&amp;Zipf α):</source>
        <translation>Schlüsselverteilung (&amp;Zipf α):</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-S&amp;chlüssel:</translation>
    </message>
    <message>
        <source>In&amp;jected errors:</source>
        <translation>Eingestreute &amp;Fehler:</translation>
    </message>
    <message>
        <source>Extra &amp;latency:</source>
        <translation>Zusätzliche &amp;Latenz:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TryItKeyChooser</name>
    <message>
        <source>Whose key the request carries</source>
        <translation>Wessen Schlüssel die Anfrage trägt</translation>
    </message>
    <message>
        <source>Issue a &amp;Test Key</source>
        <translation>&amp;Testschlüssel ausstellen</translation>
    </message>
    <message>
        <source>Issue a key for the chosen application that expires in one hour, and use it here</source>
        <translation>Einen Schlüssel für die gewählte Anwendung ausstellen, der in einer Stunde abläuft, und ihn hier verwenden</translation>
    </message>
    <message>
        <source>Paste an API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>Schlüssel zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>%1 (plan %2)</source>
        <translation>%1 (Tarif %2)</translation>
    </message>
    <message>
        <source>Paste a key…</source>
        <translation>Schlüssel einfügen …</translation>
    </message>
    <message>
        <source>None (open API)</source>
        <translation>Keiner (offene API)</translation>
    </message>
    <message>
        <source>%1 (subscription suspended)</source>
        <translation>%1 (Abonnement ausgesetzt)</translation>
    </message>
    <message>
        <source>%1 (subscription pending approval)</source>
        <translation>%1 (Abonnement wartet auf Genehmigung)</translation>
    </message>
    <message>
        <source>Your applications could not be read: %1</source>
        <translation>Ihre Anwendungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not listed: %1. Only applications with an approved subscription to this API can call it.</source>
        <translation>Nicht aufgeführt: %1. Nur Anwendungen mit einem genehmigten Abonnement dieser API können sie aufrufen.</translation>
    </message>
    <message>
        <source>None of your applications has an approved subscription to this API: request one on the Applications page.</source>
        <translation>Keine Ihrer Anwendungen hat ein genehmigtes Abonnement dieser API: Beantragen Sie eines auf der Seite „Anwendungen“.</translation>
    </message>
    <message>
        <source>%1 has no key in this session, so nothing was sent. Issue a test key, paste a key, or choose None to send the request without one.</source>
        <translation>%1 hat in dieser Sitzung keinen Schlüssel, daher wurde nichts gesendet. Stellen Sie einen Testschlüssel aus, fügen Sie einen Schlüssel ein oder wählen Sie „Keiner“, um die Anfrage ohne Schlüssel zu senden.</translation>
    </message>
    <message>
        <source>Keys are shown only once, when issued, and the catalog keeps only their hashes: Try It can use the keys issued in this console since it started, and never saves them.</source>
        <translation>Schlüssel werden nur einmal bei der Ausstellung angezeigt, und der Katalog speichert nur ihre Hashwerte: „Testen“ kann die seit dem Start in dieser Konsole ausgestellten Schlüssel verwenden und speichert sie nie.</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>läuft nie ab</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft ab am %1</translation>
    </message>
    <message>
        <source>“%1”, </source>
        <translation>„%1“, </translation>
    </message>
    <message>
        <source>Sends the key %1 of %2 (%3%4) as X-API-Key.</source>
        <translation>Sendet den Schlüssel %1 von %2 (%3%4) als X-API-Key.</translation>
    </message>
    <message>
        <source>The key %1 of %2 was revoked or has expired.</source>
        <translation>Der Schlüssel %1 von %2 wurde widerrufen oder ist abgelaufen.</translation>
    </message>
    <message>
        <source>%1 has no key from this session. Issue a test key (valid for one hour), or paste a key you kept.</source>
        <translation>%1 hat keinen Schlüssel aus dieser Sitzung. Stellen Sie einen Testschlüssel aus (eine Stunde gültig) oder fügen Sie einen aufbewahrten Schlüssel ein.</translation>
    </message>
    <message>
        <source>The pasted key is sent as X-API-Key and never stored.</source>
        <translation>Der eingefügte Schlüssel wird als X-API-Key gesendet und nie gespeichert.</translation>
    </message>
    <message>
        <source>Or choose one of your applications above: Try It can issue it a test key.</source>
        <translation>Oder wählen Sie oben eine Ihrer Anwendungen: „Testen“ kann ihr einen Testschlüssel ausstellen.</translation>
    </message>
    <message>
        <source>No key is sent: this API is open.</source>
        <translation>Es wird kein Schlüssel gesendet: Diese API ist offen.</translation>
    </message>
    <message>
        <source>No key is sent: the gateway refuses the request (401), as it would any client without a key.</source>
        <translation>Es wird kein Schlüssel gesendet: Das Gateway lehnt die Anfrage ab (401), wie bei jedem Client ohne Schlüssel.</translation>
    </message>
    <message>
        <source>Try it (console)</source>
        <translation>Testen (Konsole)</translation>
    </message>
    <message>
        <source>No test key was issued for %1. %2</source>
        <translation>Für %1 wurde kein Testschlüssel ausgestellt. %2</translation>
    </message>
    <message>
        <source>Sends the key %1 of %2 (%3%4) in the query parameter &quot;%5&quot;.</source>
        <translation>Sendet den Schlüssel %1 von %2 (%3%4) im Query-Parameter „%5“.</translation>
    </message>
    <message>
        <source>The pasted key is sent in the query parameter &quot;%1&quot; and never stored.</source>
        <translation>Der eingefügte Schlüssel wird im Query-Parameter „%1“ gesendet und nie gespeichert.</translation>
    </message>
    <message>
        <source>Appli&amp;cation:</source>
        <translation>A&amp;nwendung:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TryItPanel</name>
    <message>
        <source>/path?query</source>
        <translation>/pfad?abfrage</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Anfrage:</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send &amp;Again</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Repeat the request: a cacheable answer now comes from the gateway&apos;s cache</source>
        <translation>Anfrage wiederholen: Eine cachebare Antwort kommt jetzt aus dem Cache des Gateways</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The response body appears here.</source>
        <translation>Hier erscheint der Antwortrumpf.</translation>
    </message>
    <message>
        <source>Send the request through the gateway at %1</source>
        <translation>Die Anfrage über das Gateway unter %1 senden</translation>
    </message>
    <message>
        <source>The gateway is not running</source>
        <translation>Das Gateway läuft nicht</translation>
    </message>
    <message>
        <source>The gateway is not running: start it (Gateway &gt; Start) and send again.</source>
        <translation>Das Gateway läuft nicht: Starten Sie es (Gateway &gt; Starten) und senden Sie erneut.</translation>
    </message>
    <message>
        <source>%1 is not a valid path.</source>
        <translation>%1 ist kein gültiger Pfad.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>connection refused (is the gateway still running?)</source>
        <translation>Verbindung abgelehnt (läuft das Gateway noch?)</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>No answer from the gateway at %1: %2</source>
        <translation>Keine Antwort vom Gateway unter %1: %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Cache: hit</source>
        <translation>Cache: Treffer</translation>
    </message>
    <message>
        <source>Cache: stale, revalidated</source>
        <translation>Cache: veraltet, neu validiert</translation>
    </message>
    <message>
        <source>Cache: bypassed</source>
        <translation>Cache: umgangen</translation>
    </message>
    <message>
        <source>Cache: miss</source>
        <translation>Cache: Fehlschlag</translation>
    </message>
    <message>
        <source>Cache: not cached</source>
        <translation>Cache: nicht zwischengespeichert</translation>
    </message>
    <message>
        <source>, age %1 s</source>
        <translation>, Alter %1 s</translation>
    </message>
    <message>
        <source>… (%1 bytes in all)</source>
        <translation>… (insgesamt %1 Bytes)</translation>
    </message>
    <message>
        <source>Where the request carries the API key. This API also takes it in a query parameter, for clients that cannot set headers.</source>
        <translation>Wo die Anfrage den API-Schlüssel trägt. Diese API nimmt ihn auch in einem Query-Parameter an, für Clients, die keine Header setzen können.</translation>
    </message>
    <message>
        <source>Send &amp;key:</source>
        <translation>S&amp;chlüssel senden:</translation>
    </message>
    <message>
        <source>In the X-API-Key header</source>
        <translation>Im Header X-API-Key</translation>
    </message>
    <message>
        <source>In the query parameter &quot;%1&quot;</source>
        <translation>Im Query-Parameter „%1“</translation>
    </message>
    <message>
        <source>URL: %1</source>
        <translation>URL: %1</translation>
    </message>
</context>
</TS>
