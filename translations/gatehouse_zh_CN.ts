<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConsoleSettings</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>DomainMessage</name>
    <message>
        <source>draft</source>
        <extracomment>An API lifecycle state, inserted into other messages (&quot;the API is %1&quot;).</extracomment>
        <translation>草稿</translation>
    </message>
    <message>
        <source>published</source>
        <extracomment>An API lifecycle state, inserted into other messages (&quot;the API is %1&quot;).</extracomment>
        <translation>已发布</translation>
    </message>
    <message>
        <source>deprecated</source>
        <extracomment>An API lifecycle state, inserted into other messages (&quot;the API is %1&quot;).</extracomment>
        <translation>已弃用</translation>
    </message>
    <message>
        <source>retired</source>
        <extracomment>An API lifecycle state, inserted into other messages (&quot;the API is %1&quot;).</extracomment>
        <translation>已停用</translation>
    </message>
    <message>
        <source>pending</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>待处理</translation>
    </message>
    <message>
        <source>approved</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>suspended</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>revoked</source>
        <extracomment>A subscription&apos;s state, inserted into other messages (&quot;... to this API (%1)&quot;).</extracomment>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>a pending subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>待处理的订阅</translation>
    </message>
    <message>
        <source>an approved subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>已批准的订阅</translation>
    </message>
    <message>
        <source>a rejected subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>已拒绝的订阅</translation>
    </message>
    <message>
        <source>a suspended subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>已暂停的订阅</translation>
    </message>
    <message>
        <source>a revoked subscription</source>
        <extracomment>The object of &quot;cannot approve %1&quot; and similar: a subscription in that state.</extracomment>
        <translation>已撤销的订阅</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; (id %2) has no account in this catalog</source>
        <extracomment>%1 is a user name, %2 its numeric id.</extracomment>
        <translation>用户“%1”（ID %2）在此目录中没有帐户</translation>
    </message>
    <message>
        <source>user id %1 has no account in this catalog</source>
        <extracomment>%1 is a numeric user id.</extracomment>
        <translation>用户 ID %1 在此目录中没有帐户</translation>
    </message>
    <message>
        <source>cannot write the audit log: %1</source>
        <extracomment>%1 is the database&apos;s own error message (English, from the driver).</extracomment>
        <translation>无法写入审计日志：%1</translation>
    </message>
    <message>
        <source>only admins may read the audit log</source>
        <translation>只有管理员可以读取审计日志</translation>
    </message>
    <message>
        <source>no such user</source>
        <translation>没有此用户</translation>
    </message>
    <message>
        <source>there is no admin account yet</source>
        <translation>尚无管理员帐户</translation>
    </message>
    <message>
        <source>user name must be 1-64 characters of A-Z a-z 0-9 . _ @ -</source>
        <translation>用户名必须为 1–64 个字符，仅限 A-Z a-z 0-9 . _ @ -</translation>
    </message>
    <message>
        <source>password must have at least %1 characters</source>
        <extracomment>%1 is the minimum number of characters.</extracomment>
        <translation>密码至少需要 %1 个字符</translation>
    </message>
    <message>
        <source>no secure random source for the password salt</source>
        <translation>没有可用于密码盐的安全随机源</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; already exists</source>
        <extracomment>%1 is a user name.</extracomment>
        <translation>用户“%1”已存在</translation>
    </message>
    <message>
        <source>a shared catalog has no local admin; sign in instead</source>
        <translation>共享目录没有本地管理员；请改为登录</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no account in this workspace</source>
        <extracomment>%1 is the operating system&apos;s user name.</extracomment>
        <translation>“%1”在此工作区中没有帐户</translation>
    </message>
    <message>
        <source>the first admin needs a password</source>
        <translation>第一个管理员需要密码</translation>
    </message>
    <message>
        <source>the catalog already has users</source>
        <translation>目录中已有用户</translation>
    </message>
    <message>
        <source>only admins may create users</source>
        <translation>只有管理员可以创建用户</translation>
    </message>
    <message>
        <source>only admins may change roles</source>
        <translation>只有管理员可以更改角色</translation>
    </message>
    <message>
        <source>cannot demote the last admin</source>
        <translation>不能降级最后一个管理员</translation>
    </message>
    <message>
        <source>only admins may set another user&apos;s password</source>
        <translation>只有管理员可以设置其他用户的密码</translation>
    </message>
    <message>
        <source>unknown user or wrong password</source>
        <translation>用户未知或密码错误</translation>
    </message>
    <message>
        <source>only admins and publishers may create teams</source>
        <translation>只有管理员和发布者可以创建团队</translation>
    </message>
    <message>
        <source>a team name has 1-100 characters</source>
        <translation>团队名称为 1–100 个字符</translation>
    </message>
    <message>
        <source>team &apos;%1&apos; already exists</source>
        <extracomment>%1 is a team name.</extracomment>
        <translation>团队“%1”已存在</translation>
    </message>
    <message>
        <source>only admins and team owners may manage members</source>
        <translation>只有管理员和团队所有者可以管理成员</translation>
    </message>
    <message>
        <source>a team keeps at least one owner</source>
        <translation>团队至少要保留一个所有者</translation>
    </message>
    <message>
        <source>the user is not a member of this team</source>
        <translation>该用户不是此团队的成员</translation>
    </message>
    <message>
        <source>no such team</source>
        <translation>没有此团队</translation>
    </message>
    <message>
        <source>no team %1</source>
        <extracomment>%1 is a numeric team id.</extracomment>
        <translation>没有团队 %1</translation>
    </message>
    <message>
        <source>slug: 1-63 characters of a-z 0-9 and &apos;-&apos;, starting alphanumeric</source>
        <translation>短名称：1–63 个字符，仅限 a-z 0-9 和“-”，以字母或数字开头</translation>
    </message>
    <message>
        <source>version: 1-32 characters of A-Z a-z 0-9 . _ -</source>
        <translation>版本：1–32 个字符，仅限 A-Z a-z 0-9 . _ -</translation>
    </message>
    <message>
        <source>name: must not be empty</source>
        <translation>名称：不能为空</translation>
    </message>
    <message>
        <source>basePath: must start with &apos;/&apos;</source>
        <translation>基础路径：必须以“/”开头</translation>
    </message>
    <message>
        <source>basePath: %1</source>
        <extracomment>%1 is the router&apos;s own reason (English, from the gateway).</extracomment>
        <translation>基础路径：%1</translation>
    </message>
    <message>
        <source>routes[%1].method: not an HTTP method</source>
        <extracomment>%1 is the route&apos;s index, counted from 0.</extracomment>
        <translation>路由 %1 的方法：不是 HTTP 方法</translation>
    </message>
    <message>
        <source>routes[%1].path: must start with &apos;/&apos;</source>
        <extracomment>%1 is the route&apos;s index, counted from 0.</extracomment>
        <translation>路由 %1 的路径：必须以“/”开头</translation>
    </message>
    <message>
        <source>upstreams[%1].weight: must be at least 1</source>
        <extracomment>%1 is the upstream target&apos;s index, counted from 0.</extracomment>
        <translation>上游目标 %1 的权重：至少为 1</translation>
    </message>
    <message>
        <source>cachePolicy: must be a JSON object</source>
        <translation>缓存策略：必须是 JSON 对象</translation>
    </message>
    <message>
        <source>timeouts: must be positive</source>
        <translation>超时：必须为正数</translation>
    </message>
    <message>
        <source>keyQueryParameter: 1-64 characters of A-Z a-z 0-9 . _ ~ -</source>
        <translation>密钥查询参数：1–64 个字符，仅限 A-Z a-z 0-9 . _ ~ -</translation>
    </message>
    <message>
        <source>keyQueryParameter: only for APIs that require an API key, not for open APIs</source>
        <translation>密钥查询参数：仅用于需要 API 密钥的 API，不用于开放 API</translation>
    </message>
    <message>
        <source>basePath: &apos;%1&apos; is already in use by another API</source>
        <extracomment>%1 is a base path such as /orders.</extracomment>
        <translation>基础路径：“%1”已被另一个 API 使用</translation>
    </message>
    <message>
        <source>basePath: &apos;%1&apos; overlaps &apos;%2&apos;, the base path of %3 %4</source>
        <extracomment>%1 is the base path asked for, %2 the other API&apos;s base path, %3 its name and %4 its version.</extracomment>
        <translation>基础路径：“%1”与 %3 %4 的基础路径“%2”重叠</translation>
    </message>
    <message>
        <source>basePath: &apos;%1&apos; overlaps &apos;%2&apos;, the base path of %3 %4 (route %5)</source>
        <extracomment>As &quot;basePath: &apos;%1&apos; overlaps ...&quot;, with %5 a route path that lies under both.</extracomment>
        <translation>基础路径：“%1”与 %3 %4 的基础路径“%2”重叠（路由 %5）</translation>
    </message>
    <message>
        <source>only admins and publishers of the owning team may create its APIs</source>
        <translation>只有所属团队的管理员和发布者可以创建其 API</translation>
    </message>
    <message>
        <source>%1 %2 already exists</source>
        <extracomment>%1 is an API&apos;s slug, %2 its version.</extracomment>
        <translation>%1 %2 已存在</translation>
    </message>
    <message>
        <source>no such API</source>
        <translation>没有此 API</translation>
    </message>
    <message>
        <source>only admins and publishers of the owning team may change this API</source>
        <translation>只有所属团队的管理员和发布者可以更改此 API</translation>
    </message>
    <message>
        <source>a retired API cannot be changed</source>
        <translation>已停用的 API 不能更改</translation>
    </message>
    <message>
        <source>you may not move APIs to that team</source>
        <translation>您不能把 API 移到该团队</translation>
    </message>
    <message>
        <source>%1 (the API is %2)</source>
        <extracomment>%1 is a complete message about why the API cannot be published, %2 the API&apos;s state.</extracomment>
        <translation>%1（该 API 状态为%2）</translation>
    </message>
    <message>
        <source>%1 %2 already has a successor</source>
        <extracomment>%1 is an API&apos;s slug, %2 its version.</extracomment>
        <translation>%1 %2 已有后继版本</translation>
    </message>
    <message>
        <source>only drafts can be deleted; a %1 API is deprecated and retired instead</source>
        <extracomment>%1 is the API&apos;s lifecycle state.</extracomment>
        <translation>只能删除草稿；状态为%1的 API 应改为弃用并停用</translation>
    </message>
    <message>
        <source>cannot deprecate: no such successor API</source>
        <translation>无法弃用：没有此后继 API</translation>
    </message>
    <message>
        <source>the API could not be read</source>
        <translation>无法读取该 API</translation>
    </message>
    <message>
        <source>cannot deprecate: the successor is retired</source>
        <translation>无法弃用：后继 API 已停用</translation>
    </message>
    <message>
        <source>the API is already %1</source>
        <extracomment>%1 is a lifecycle state.</extracomment>
        <translation>该 API 已是%1状态</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: a retired API is final and cannot change state</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2：已停用的 API 为最终状态，不能再改变</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: an API cannot go back to draft; create a new version instead</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2：API 不能回到草稿；请改为创建新版本</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: a deprecated API cannot be published again; create a new version instead</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2：已弃用的 API 不能再次发布；请改为创建新版本</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: a draft must be published first</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2：草稿必须先发布</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: an API must be deprecated, with a sunset date, before it is retired</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2：API 必须先弃用并设置停用日期，才能停用</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: not a lifecycle transition</source>
        <extracomment>%1 and %2 are lifecycle states: the move that was refused.</extracomment>
        <translation>%1 → %2：不是生命周期转换</translation>
    </message>
    <message>
        <source>cannot publish: the API has no routes</source>
        <translation>无法发布：该 API 没有路由</translation>
    </message>
    <message>
        <source>cannot publish: the API has no upstream target</source>
        <translation>无法发布：该 API 没有上游目标</translation>
    </message>
    <message>
        <source>cannot publish: the base path must start with &apos;/&apos;</source>
        <translation>无法发布：基础路径必须以“/”开头</translation>
    </message>
    <message>
        <source>cannot publish: upstream &apos;%1&apos;: %2</source>
        <extracomment>%1 is an upstream URL, %2 the gateway&apos;s reason why it cannot be used (English).</extracomment>
        <translation>无法发布：上游“%1”：%2</translation>
    </message>
    <message>
        <source>cannot deprecate: the sunset date must be in the future</source>
        <translation>无法弃用：停用日期必须在将来</translation>
    </message>
    <message>
        <source>cannot deprecate: an API cannot be its own successor</source>
        <translation>无法弃用：API 不能是自己的后继</translation>
    </message>
    <message>
        <source>only admins and publishers of the owning team may change its plans</source>
        <translation>只有所属团队的管理员和发布者可以更改其套餐</translation>
    </message>
    <message>
        <source>no such plan</source>
        <translation>没有此套餐</translation>
    </message>
    <message>
        <source>a plan needs a name and non-negative limits</source>
        <translation>套餐需要名称和非负的限制</translation>
    </message>
    <message>
        <source>plan &apos;%1&apos; already exists</source>
        <extracomment>%1 is a plan&apos;s name.</extracomment>
        <translation>套餐“%1”已存在</translation>
    </message>
    <message>
        <source>no such application</source>
        <translation>没有此应用</translation>
    </message>
    <message>
        <source>an application needs a name</source>
        <translation>应用需要名称</translation>
    </message>
    <message>
        <source>only members of a team may create its applications</source>
        <translation>只有团队成员可以创建其应用</translation>
    </message>
    <message>
        <source>the expiry must be in the future</source>
        <translation>到期时间必须在将来</translation>
    </message>
    <message>
        <source>no secure random source for the key</source>
        <translation>没有可用于密钥的安全随机源</translation>
    </message>
    <message>
        <source>no such key</source>
        <translation>没有此密钥</translation>
    </message>
    <message>
        <source>the key is already revoked</source>
        <translation>该密钥已被撤销</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知密钥</translation>
    </message>
    <message>
        <source>the key is revoked</source>
        <translation>该密钥已撤销</translation>
    </message>
    <message>
        <source>the key has expired</source>
        <translation>该密钥已过期</translation>
    </message>
    <message>
        <source>no such subscription</source>
        <translation>没有此订阅</translation>
    </message>
    <message>
        <source>%1 %2 is %3 and takes no new subscriptions</source>
        <extracomment>%1 is an API&apos;s slug, %2 its version, %3 its lifecycle state.</extracomment>
        <translation>%1 %2 状态为%3，不接受新的订阅</translation>
    </message>
    <message>
        <source>the application already has a subscription to this API (%1)</source>
        <extracomment>%1 is the existing subscription&apos;s state.</extracomment>
        <translation>该应用已有此 API 的订阅（%1）</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may approve subscriptions</source>
        <translation>只有该 API 所属团队的管理员和所有者可以批准订阅</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may reject subscriptions</source>
        <translation>只有该 API 所属团队的管理员和所有者可以拒绝订阅</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may suspend subscriptions</source>
        <translation>只有该 API 所属团队的管理员和所有者可以暂停订阅</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may resume subscriptions</source>
        <translation>只有该 API 所属团队的管理员和所有者可以恢复订阅</translation>
    </message>
    <message>
        <source>only admins and owners of the API&apos;s team may revoke subscriptions</source>
        <translation>只有该 API 所属团队的管理员和所有者可以撤销订阅</translation>
    </message>
    <message>
        <source>cannot approve %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>无法批准%1</translation>
    </message>
    <message>
        <source>cannot reject %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>无法拒绝%1</translation>
    </message>
    <message>
        <source>cannot suspend %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>无法暂停%1</translation>
    </message>
    <message>
        <source>cannot resume %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>无法恢复%1</translation>
    </message>
    <message>
        <source>cannot revoke %1</source>
        <extracomment>%1 is a subscription in its current state, e.g. &quot;a pending subscription&quot;.</extracomment>
        <translation>无法撤销%1</translation>
    </message>
    <message>
        <source>a rejection needs a reason</source>
        <translation>拒绝需要理由</translation>
    </message>
    <message>
        <source>demo workspace: %1: %2</source>
        <extracomment>%1 names what was being made, e.g. &quot;user maya&quot; or &quot;api products@v1&quot; (not translated); %2 is why, a message of its own.</extracomment>
        <translation>演示工作区：%1：%2</translation>
    </message>
    <message>
        <source>is %1, expected %2</source>
        <extracomment>%1 is the subscription&apos;s state, %2 the state the demo expected.</extracomment>
        <translation>状态为%1，预期为%2</translation>
    </message>
    <message>
        <source>demo workspace: only an administrator can create it</source>
        <translation>演示工作区：只有管理员可以创建</translation>
    </message>
    <message>
        <source>demo workspace: %1</source>
        <extracomment>%1 is the database&apos;s own reason (English).</extracomment>
        <translation>演示工作区：%1</translation>
    </message>
    <message>
        <source>demo traffic key: %1</source>
        <extracomment>%1 is why, a message of its own.</extracomment>
        <translation>演示流量密钥：%1</translation>
    </message>
    <message>
        <source>Cannot use the catalog database %1: %2</source>
        <extracomment>%1 is the database file or URL, %2 the database&apos;s own reason (English).</extracomment>
        <translation>无法使用目录数据库 %1：%2</translation>
    </message>
    <message>
        <source>No administrator for &apos;%1&apos; in %2: %3</source>
        <extracomment>%1 is the operating system&apos;s user name, %2 the database file, %3 why (a message of its own).</extracomment>
        <translation>%2 中没有“%1”的管理员：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A problem and where it is. %1 is the place, e.g. &quot;petstore.yaml:41:7: paths./pets.get&quot; or &quot;apis[2].team&quot; (file name, line, column and field path; not translated); %2 the problem.</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <extracomment>Two problems of one document on one line; %1 and %2 are problems of their own.</extracomment>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>document%1</source>
        <extracomment>The place of a problem in an OpenAPI document that has no file name (instead of &quot;petstore.yaml&quot;); %1 is the line, column and field, e.g. &quot;:41:7: paths./pets&quot; (may be empty).</extracomment>
        <translation>文档%1</translation>
    </message>
    <message>
        <source>is required</source>
        <extracomment>A field of an OpenAPI document (named before this text) is missing.</extracomment>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be a string</source>
        <extracomment>A field of an OpenAPI document (named before this text) has the wrong kind of value.</extracomment>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a list</source>
        <extracomment>A field of an OpenAPI document (named before this text) has the wrong kind of value.</extracomment>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be a mapping</source>
        <extracomment>A field of an OpenAPI document (named before this text) has the wrong kind of value (&quot;mapping&quot;: key/value pairs, a YAML mapping or a JSON object).</extracomment>
        <translation>必须是映射</translation>
    </message>
    <message>
        <source>variable without a default in &apos;%1&apos;</source>
        <extracomment>%1 is a server URL with {variables}, as written in the document.</extracomment>
        <translation>“%1”中的变量没有默认值</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither an http(s) URL nor an absolute path</source>
        <extracomment>%1 is the server URL as written in the document.</extracomment>
        <translation>“%1”既不是 http(s) URL，也不是绝对路径</translation>
    </message>
    <message>
        <source>a path must start with &apos;/&apos;</source>
        <translation>路径必须以“/”开头</translation>
    </message>
    <message>
        <source>must be a mapping of operations</source>
        <extracomment>A path entry of the document is not key/value pairs of operations (get, post, ...).</extracomment>
        <translation>必须是操作的映射</translation>
    </message>
    <message>
        <source>path item references are not followed; skipped</source>
        <extracomment>A warning: a &quot;$ref&quot; in the document&apos;s paths is not followed.</extracomment>
        <translation>不跟随路径项引用；已跳过</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <source>an operation must be a mapping</source>
        <translation>操作必须是映射</translation>
    </message>
    <message>
        <source>the same operation as another path (only parameter names differ)</source>
        <translation>与另一路径的操作相同（仅参数名不同）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be a key query parameter (1-64 of A-Z a-z 0-9 . _ ~ -); keys are accepted in headers only</source>
        <extracomment>A warning; %1 is the parameter name from the document.</extracomment>
        <translation>“%1”不能作为密钥查询参数（1–64 个 A-Z a-z 0-9 . _ ~ - 字符）；密钥只能放在请求头中</translation>
    </message>
    <message>
        <source>only one key query parameter is supported; &apos;%1&apos; is used</source>
        <extracomment>A warning; %1 is the parameter name that is used.</extracomment>
        <translation>只支持一个密钥查询参数；使用“%1”</translation>
    </message>
    <message>
        <source>not valid YAML or JSON: %1</source>
        <extracomment>%1 is the YAML parser&apos;s own reason (English).</extracomment>
        <translation>不是有效的 YAML 或 JSON：%1</translation>
    </message>
    <message>
        <source>the document must be a mapping</source>
        <translation>文档必须是映射</translation>
    </message>
    <message>
        <source>Swagger 2.0 is not supported; convert it to OpenAPI 3 first</source>
        <translation>不支持 Swagger 2.0；请先转换为 OpenAPI 3</translation>
    </message>
    <message>
        <source>version &apos;%1&apos; is not supported (3.0 or 3.1)</source>
        <extracomment>%1 is the &quot;openapi&quot; version the document gives.</extracomment>
        <translation>不支持版本“%1”（支持 3.0 或 3.1）</translation>
    </message>
    <message>
        <source>no operations to route</source>
        <extracomment>A warning: the document describes no operation the gateway could route.</extracomment>
        <translation>没有可路由的操作</translation>
    </message>
    <message>
        <source>no OpenAPI document</source>
        <translation>没有 OpenAPI 文档</translation>
    </message>
    <message>
        <source>cannot read the document: %1</source>
        <extracomment>%1 is the YAML parser&apos;s own reason (English).</extracomment>
        <translation>无法读取文档：%1</translation>
    </message>
    <message>
        <source>expected a duration such as 30s, 10m or 1h, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;).</extracomment>
        <translation>应为 30s、10m 或 1h 这样的时长，实际为 %1</translation>
    </message>
    <message>
        <source>%1 is not a whole number of seconds</source>
        <extracomment>%1 is a duration, e.g. 1500ms.</extracomment>
        <translation>%1 不是整数秒</translation>
    </message>
    <message>
        <source>%1 is out of range (1s to %2)</source>
        <extracomment>%1 is a duration, %2 the longest allowed (8760h).</extracomment>
        <translation>%1 超出范围（1s 到 %2）</translation>
    </message>
    <message>
        <source>must not be empty (omit statuses for the RFC 9110 defaults)</source>
        <translation>不能为空（省略 statuses 则使用 RFC 9110 的默认值）</translation>
    </message>
    <message>
        <source>status %1 cannot be cached on its own (a partial or a validation response)</source>
        <extracomment>%1 is an HTTP status code (206 or 304).</extracomment>
        <translation>状态 %1 不能单独缓存（部分响应或验证响应）</translation>
    </message>
    <message>
        <source>duplicate status %1</source>
        <extracomment>%1 is an HTTP status code.</extracomment>
        <translation>状态 %1 重复</translation>
    </message>
    <message>
        <source>must name a parameter (&apos;utm_*&apos; ignores a prefix)</source>
        <translation>必须指定参数（“utm_*”忽略一个前缀）</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;*&apos; is only allowed at the end</source>
        <extracomment>%1 is a query parameter pattern as typed.</extracomment>
        <translation>“%1”：“*”只能出现在末尾</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a query parameter name</source>
        <extracomment>%1 is a query parameter name as typed.</extracomment>
        <translation>“%1”不是查询参数名</translation>
    </message>
    <message>
        <source>default_ttl is longer than max_ttl</source>
        <extracomment>default_ttl and max_ttl are keys of the cache policy; keep them as they are.</extracomment>
        <translation>default_ttl 大于 max_ttl</translation>
    </message>
    <message>
        <source>override_upstream needs a default_ttl</source>
        <extracomment>override_upstream and default_ttl are keys of the cache policy; keep them as they are.</extracomment>
        <translation>override_upstream 需要 default_ttl</translation>
    </message>
    <message>
        <source>unknown eviction &apos;%1&apos; (expected lru or tiny_lfu)</source>
        <extracomment>%1 is the eviction given; lru and tiny_lfu are values of the configuration file.</extracomment>
        <translation>未知的淘汰策略“%1”（应为 lru 或 tiny_lfu）</translation>
    </message>
    <message>
        <source>cachePolicy: %1</source>
        <extracomment>%1 is the JSON parser&apos;s own reason (English).</extracomment>
        <translation>cachePolicy：%1</translation>
    </message>
    <message>
        <source>expected a mapping, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;, &quot;&apos;abc&apos;&quot;).</extracomment>
        <translation>应为映射，实际为 %1</translation>
    </message>
    <message>
        <source>expected a sequence, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a mapping&quot;, &quot;&apos;abc&apos;&quot;).</extracomment>
        <translation>应为列表，实际为 %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;).</extracomment>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;&apos;yes&apos;&quot;).</extracomment>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;the string &quot;200&quot;&quot;).</extracomment>
        <translation>应为整数，实际为 %1</translation>
    </message>
    <message>
        <source>%1 is out of range (%2 to %3)</source>
        <extracomment>%1 is the number given, %2 and %3 the smallest and largest allowed.</extracomment>
        <translation>%1 超出范围（%2 到 %3）</translation>
    </message>
    <message>
        <source>expected a size such as 16KiB or 8MiB, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;).</extracomment>
        <translation>应为 16KiB 或 8MiB 这样的大小，实际为 %1</translation>
    </message>
    <message>
        <source>%1 bytes is out of range (%2 to %3 bytes)</source>
        <extracomment>%1 is the size given in bytes, %2 and %3 the smallest and largest allowed.</extracomment>
        <translation>%1 字节超出范围（%2 到 %3 字节）</translation>
    </message>
    <message>
        <source>field names must be strings, got %1</source>
        <extracomment>%1 says what was given instead (English, e.g. &quot;a sequence&quot;).</extracomment>
        <translation>字段名必须是字符串，实际为 %1</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <extracomment>%1 is the field name given, %2 the known one it is most like.</extracomment>
        <translation>未知字段“%1”（是否指“%2”？）</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; (expected one of: %2)</source>
        <extracomment>%1 is the field name given, %2 the list of known ones.</extracomment>
        <translation>未知字段“%1”（应为以下之一：%2）</translation>
    </message>
    <message>
        <source>duplicate field &apos;%1&apos; (first given at line %2)</source>
        <extracomment>%1 is a field name, %2 a line number.</extracomment>
        <translation>字段“%1”重复（首次出现在第 %2 行）</translation>
    </message>
    <message>
        <source>%1 more problems not shown</source>
        <extracomment>%1 is a number; said after the problems that are shown.</extracomment>
        <translation>另有 %1 个问题未显示</translation>
    </message>
    <message>
        <source>offset %1: %2</source>
        <extracomment>%1 is the character offset in the file, %2 the JSON parser&apos;s own reason (English).</extracomment>
        <translation>偏移 %1：%2</translation>
    </message>
    <message>
        <source>gatehouse: must be &quot;workspace&quot;</source>
        <extracomment>&quot;gatehouse&quot; and &quot;workspace&quot; are a key and a value of the file; keep them as they are.</extracomment>
        <translation>gatehouse：必须为“workspace”</translation>
    </message>
    <message>
        <source>version: must be %1</source>
        <extracomment>&quot;version&quot; is a key of the file; %1 is the format version (a number).</extracomment>
        <translation>version：必须为 %1</translation>
    </message>
    <message>
        <source>owner or member</source>
        <extracomment>&quot;owner&quot; and &quot;member&quot; are values of the file; keep them as they are.</extracomment>
        <translation>owner 或 member</translation>
    </message>
    <message>
        <source>team or organisation</source>
        <extracomment>&quot;team&quot; and &quot;organisation&quot; are values of the file; keep them as they are.</extracomment>
        <translation>team 或 organisation</translation>
    </message>
    <message>
        <source>not a balancing policy</source>
        <translation>不是负载均衡策略</translation>
    </message>
    <message>
        <source>not an auth mode</source>
        <translation>不是认证模式</translation>
    </message>
    <message>
        <source>draft, published, deprecated or retired</source>
        <extracomment>The states are values of the file; keep them as they are.</extracomment>
        <translation>draft、published、deprecated 或 retired</translation>
    </message>
    <message>
        <source>automatic or manual</source>
        <extracomment>&quot;automatic&quot; and &quot;manual&quot; are values of the file; keep them as they are.</extracomment>
        <translation>automatic 或 manual</translation>
    </message>
    <message>
        <source>%1.%2</source>
        <extracomment>%1 is an API&apos;s place in the file (e.g. &quot;apis[1]&quot;, not translated), %2 the catalog&apos;s problem with one of its fields, e.g. &quot;routes[0].path: must start with &apos;/&apos;&quot;.</extracomment>
        <translation>%1.%2</translation>
    </message>
    <message>
        <source>no user &apos;%1&apos;</source>
        <extracomment>%1 is a user name from the file.</extracomment>
        <translation>没有用户“%1”</translation>
    </message>
    <message>
        <source>no team &apos;%1&apos;</source>
        <extracomment>%1 is a team name from the file.</extracomment>
        <translation>没有团队“%1”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the file</source>
        <extracomment>%1 is an API as slug@version.</extracomment>
        <translation>文件中没有“%1”</translation>
    </message>
    <message>
        <source>cannot move from %1 back to %2</source>
        <extracomment>%1 and %2 are lifecycle states, messages of their own (&quot;published&quot;).</extracomment>
        <translation>无法从 %1 退回到 %2</translation>
    </message>
    <message>
        <source>must not contain the NUL character (U+0000)</source>
        <extracomment>A field of an OpenAPI document or a workspace file (named before this text) holds the character U+0000, which no text of the catalog can hold.</extracomment>
        <translation>不得包含 NUL 字符 (U+0000)</translation>
    </message>
</context>
<context>
    <name>RoleText</name>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布者</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发者</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>not possible now</source>
        <translation>当前无法执行</translation>
    </message>
    <message>
        <source>invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <source>the catalog could not be written</source>
        <translation>无法写入目录</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>已拒绝（%1）：%2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiAnalyticsPanel</name>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>The last hour, one point per minute</source>
        <translation>最近一小时，每分钟一个点</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>The last 24 hours, one point per hour</source>
        <translation>最近 24 小时，每小时一个点</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>The last 7 days, one point per hour</source>
        <translation>最近 7 天，每小时一个点</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>The last 30 days, one point per day (UTC)</source>
        <translation>最近 30 天，每天一个点（UTC）</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>缓存命中率</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>错误率</translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation>p50 延迟</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95 延迟</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99 延迟</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> 个请求</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Miss</source>
        <translation>未命中</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Revalidated</source>
        <translation>已重新验证</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>绕过</translation>
    </message>
    <message>
        <source>Not cached</source>
        <translation>未缓存</translation>
    </message>
    <message>
        <source>Hit ratio (%)</source>
        <translation>命中率 (%)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Hits of cacheable requests</source>
        <translation>可缓存请求的命中</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>延迟百分位</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟 (毫秒)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
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
        <translation>选择一个 API 以查看其分析。</translation>
    </message>
    <message>
        <source>the last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>the last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>the last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>the last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <source>Requests per hour by cache status</source>
        <translation>按缓存状态统计的每小时请求数</translation>
    </message>
    <message>
        <source>Requests per day by cache status</source>
        <translation>按缓存状态统计的每天请求数</translation>
    </message>
    <message>
        <source>Requests per minute by cache status</source>
        <translation>按缓存状态统计的每分钟请求数</translation>
    </message>
    <message>
        <source>Analytics are not available: calls are not being logged (the telemetry database is not open).</source>
        <translation>分析不可用：未记录调用（遥测数据库未打开）。</translation>
    </message>
    <message>
        <source>Loading analytics…</source>
        <translation>正在加载分析…</translation>
    </message>
    <message>
        <source>Cannot read this API&apos;s analytics: %1</source>
        <translation>无法读取此 API 的分析：%1</translation>
    </message>
    <message>
        <source>No calls to this API in %1. Calls through the gateway show up here within seconds.</source>
        <translation>%1内没有对此 API 的调用。经过网关的调用会在几秒内显示在这里。</translation>
    </message>
    <message>
        <source>Calls to this API in %1.</source>
        <translation>%1内对此 API 的调用。</translation>
    </message>
    <message>
        <source>%1 sent, %2 received</source>
        <translation>已发送 %1，已接收 %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2 cacheable calls</source>
        <translation>%2 次可缓存调用中的 %1 次</translation>
    </message>
    <message>
        <source>No cacheable calls</source>
        <translation>没有可缓存的调用</translation>
    </message>
    <message>
        <source>4xx: %1, 5xx: %2</source>
        <translation>4xx：%1，5xx：%2</translation>
    </message>
    <message>
        <source>Half the calls were faster</source>
        <translation>一半的调用更快</translation>
    </message>
    <message>
        <source>95 % were faster</source>
        <translation>95% 的调用更快</translation>
    </message>
    <message>
        <source>99 % were faster</source>
        <translation>99% 的调用更快</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>No cacheable calls: this API&apos;s responses are not cached.</source>
        <translation>没有可缓存的调用：此 API 的响应不会被缓存。</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>The last five minutes, one point per second</source>
        <translation>最近五分钟，每秒一个点</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> 请求/秒</translation>
    </message>
    <message>
        <source>the last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Requests per second by cache status</source>
        <translation>按缓存状态划分的每秒请求数</translation>
    </message>
    <message>
        <source>Live figures are not available: telemetry is not running.</source>
        <translation>实时数据不可用：遥测未运行。</translation>
    </message>
    <message>
        <source>Live: calls to this API in the last 5 minutes, one point per second; the figures cover the last %1 seconds.</source>
        <translation>实时：此 API 最近 5 分钟的调用，每秒一个点；指标涵盖最近 %1 秒。</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Calls in the last 5 minutes: %1</source>
        <translation>最近 5 分钟的调用：%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiDetailPane</name>
    <message>
        <source>&amp;Publish…</source>
        <translation>发布(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Deprecate…</source>
        <translation>弃用(&amp;D)…</translation>
    </message>
    <message>
        <source>Re&amp;tire…</source>
        <translation>停用(&amp;T)…</translation>
    </message>
    <message>
        <source>Delete &amp;Draft…</source>
        <translation>删除草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>订阅者</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Try It</source>
        <translation>试用</translation>
    </message>
    <message>
        <source>Select an API to see its details.</source>
        <translation>选择一个 API 以查看其详情。</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Owner team:</source>
        <translation>所属团队：</translation>
    </message>
    <message>
        <source>Visibility:</source>
        <translation>可见性：</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>访问：</translation>
    </message>
    <message>
        <source>Base path:</source>
        <translation>基础路径：</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Lifecycle:</source>
        <translation>生命周期：</translation>
    </message>
    <message>
        <source>Upstream targets:</source>
        <translation>上游目标：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Plans:</source>
        <translation>套餐：</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>更新时间：</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Gateway path</source>
        <translation>网关路径</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
    <message>
        <source>Organisation: everyone sees it once published</source>
        <translation>组织：发布后所有人可见</translation>
    </message>
    <message>
        <source>Team: only the owning team sees it</source>
        <translation>团队：仅所属团队可见</translation>
    </message>
    <message>
        <source>Open: no key needed</source>
        <translation>开放：无需密钥</translation>
    </message>
    <message>
        <source>API key with an approved subscription</source>
        <translation>需要 API 密钥及已批准的订阅</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>sunset on %1</source>
        <translation>%1 下线</translation>
    </message>
    <message>
        <source>follows %1</source>
        <translation>接替 %1</translation>
    </message>
    <message>
        <source>succeeded by %1</source>
        <translation>由 %1 接替</translation>
    </message>
    <message>
        <source>%1 (weight %2)</source>
        <translation>%1（权重 %2）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>automatic approval</source>
        <translation>自动审批</translation>
    </message>
    <message>
        <source>manual approval</source>
        <translation>人工审批</translation>
    </message>
    <message>
        <source>%1: %2, %3/min</source>
        <translation>%1：%2，%3/分钟</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>This API has no OpenAPI document. Import one when editing the API to list its operations here.</source>
        <translation>此 API 没有 OpenAPI 文档。编辑 API 时导入一份文档，即可在此列出其操作。</translation>
    </message>
    <message>
        <source>The OpenAPI document cannot be read: %1</source>
        <translation>无法读取 OpenAPI 文档：%1</translation>
    </message>
    <message>
        <source>1 operation</source>
        <translation>1 个操作</translation>
    </message>
    <message>
        <source>%1 operations</source>
        <translation>%1 个操作</translation>
    </message>
    <message>
        <source>%1 %2: %3.</source>
        <translation>%1 %2：%3。</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1（已弃用）</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Subscribers are shown to the API&apos;s team owners, its publishers and admins.</source>
        <translation>订阅者仅对 API 所属团队的负责人、其发布者和管理员可见。</translation>
    </message>
    <message>
        <source>No application has subscribed yet.</source>
        <translation>尚无应用订阅。</translation>
    </message>
    <message>
        <source>1 subscription.</source>
        <translation>1 个订阅。</translation>
    </message>
    <message>
        <source>%1 subscriptions.</source>
        <translation>%1 个订阅。</translation>
    </message>
    <message>
        <source>%1 (team %2)</source>
        <translation>%1（团队 %2）</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Cached by the gateway. Authorization is checked before every cache lookup; responses are shared between keys unless they say private.</source>
        <translation>由网关缓存。每次查找缓存前都会先检查授权；除非响应声明为 private，否则在各密钥之间共享。</translation>
    </message>
    <message>
        <source>Not cached: every call goes to the upstream.</source>
        <translation>不缓存：每次调用都转发到上游。</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Save this API&apos;s definition to a file: its OpenAPI document as JSON, or a workspace file when it has none</source>
        <translation>将此 API 的定义保存到文件：其 OpenAPI 文档（JSON），没有文档时则为工作区文件</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Key query parameter:</source>
        <translation>密钥查询参数：</translation>
    </message>
    <message>
        <source>%1: the key is also accepted in the URL, as ?%1=…</source>
        <translation>%1：也接受 URL 中的密钥，形式为 ?%1=…</translation>
    </message>
    <message>
        <source>Only the API&apos;s publishers and admins may change it.</source>
        <translation>只有此 API 的发布者和管理员可以修改。</translation>
    </message>
    <message>
        <source>The versions could not be loaded: %1</source>
        <translation>无法加载版本：%1</translation>
    </message>
    <message>
        <source>The plans could not be loaded: %1</source>
        <translation>无法加载套餐：%1</translation>
    </message>
    <message>
        <source>The subscribers could not be loaded: %1</source>
        <translation>无法加载订阅者：%1</translation>
    </message>
    <message>
        <source>New Versi&amp;on…</source>
        <translation>新版本(&amp;O)…</translation>
    </message>
    <message>
        <source>The versions could not be loaded: the catalog database reported an error. Point at this text for the details.</source>
        <translation>无法加载版本：目录数据库报告了错误。将鼠标指向此文本可查看详细信息。</translation>
    </message>
    <message>
        <source>The plans could not be loaded: the catalog database reported an error. Point at this text for the details.</source>
        <translation>无法加载套餐：目录数据库报告了错误。将鼠标指向此文本可查看详细信息。</translation>
    </message>
    <message>
        <source>Details from the catalog database: %1</source>
        <translation>目录数据库给出的详细信息：%1</translation>
    </message>
    <message>
        <source>The subscribers could not be loaded: the catalog database reported an error. Try again later; point at this text for the details.</source>
        <translation>无法加载订阅者：目录数据库报告了错误。请稍后重试；将鼠标指向此文本可查看详细信息。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiEditorDialog</name>
    <message>
        <source>New Version of %1</source>
        <translation>%1 的新版本</translation>
    </message>
    <message>
        <source>Creates a draft copy of %1 %2 with its routes, targets and settings. The two versions are linked.</source>
        <translation>创建 %1 %2 的草稿副本，包含其路由、目标和设置。两个版本相互关联。</translation>
    </message>
    <message>
        <source>e.g. v2</source>
        <translation>例如 v2</translation>
    </message>
    <message>
        <source>New &amp;version:</source>
        <translation>新版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Create Version</source>
        <translation>创建版本</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>新建 API</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Routing</source>
        <translation>路由(&amp;R)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>e.g. Billing</source>
        <translation>例如 计费</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. billing</source>
        <translation>例如 billing</translation>
    </message>
    <message>
        <source>The API&apos;s short name in URLs: a-z, 0-9 and &apos;-&apos;. All versions of an API share it.</source>
        <translation>API 在 URL 中的短名称：a-z、0-9 和 &apos;-&apos;。同一 API 的所有版本共用它。</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>短名称(&amp;S)：</translation>
    </message>
    <message>
        <source>e.g. v1</source>
        <translation>例如 v1</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Comma separated, e.g. finance, invoices</source>
        <translation>以逗号分隔，例如 finance, invoices</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>The team that owns the API: its publishers edit it, its owners approve subscriptions.</source>
        <translation>拥有该 API 的团队：其发布者编辑它，其所有者审批订阅。</translation>
    </message>
    <message>
        <source>&amp;Owning team:</source>
        <translation>所属团队(&amp;O)：</translation>
    </message>
    <message>
        <source>Owning team only</source>
        <translation>仅所属团队</translation>
    </message>
    <message>
        <source>Whole organisation</source>
        <translation>整个组织</translation>
    </message>
    <message>
        <source>V&amp;isible to:</source>
        <translation>可见范围(&amp;I)：</translation>
    </message>
    <message>
        <source>e.g. /billing/v1</source>
        <translation>例如 /billing/v1</translation>
    </message>
    <message>
        <source>Strip base path when forwarding</source>
        <translation>转发时去掉基础路径</translation>
    </message>
    <message>
        <source>Forward /billing/v1/invoices to the target as /invoices.</source>
        <translation>将 /billing/v1/invoices 作为 /invoices 转发到目标。</translation>
    </message>
    <message>
        <source>&amp;Base path:</source>
        <translation>基础路径(&amp;B)：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Ro&amp;utes:</source>
        <translation>路由(&amp;U)：</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>T&amp;argets:</source>
        <translation>目标(&amp;A)：</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>轮询</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>Least connections</source>
        <translation>最少连接</translation>
    </message>
    <message>
        <source>Ba&amp;lancing:</source>
        <translation>负载均衡(&amp;L)：</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Open (no key)</source>
        <translation>开放（无需密钥）</translation>
    </message>
    <message>
        <source>Authenti&amp;cation:</source>
        <translation>认证(&amp;C)：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>C&amp;onnect:</source>
        <translation>连接(&amp;O)：</translation>
    </message>
    <message>
        <source>Re&amp;quest:</source>
        <translation>请求(&amp;Q)：</translation>
    </message>
    <message>
        <source>Timeouts:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <source>You may not publish APIs for any team.</source>
        <translation>您无权为任何团队发布 API。</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>No longer exists or is not visible to you</source>
        <translation>已不存在或对您不可见</translation>
    </message>
    <message>
        <source>Already exists or not possible now</source>
        <translation>已存在或当前无法执行</translation>
    </message>
    <message>
        <source>Invalid API</source>
        <translation>无效的 API</translation>
    </message>
    <message>
        <source>The catalog could not be read or written</source>
        <translation>无法读取或写入目录</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Route %1: not an HTTP method.</source>
        <translation>路由 %1：不是 HTTP 方法。</translation>
    </message>
    <message>
        <source>Route %1: the path must start with &apos;/&apos;.</source>
        <translation>路由 %1：路径必须以 &apos;/&apos; 开头。</translation>
    </message>
    <message>
        <source>Target %1: the weight must be at least 1.</source>
        <translation>目标 %1：权重至少为 1。</translation>
    </message>
    <message>
        <source>Use 1-63 characters of a-z, 0-9 and &apos;-&apos;, starting with a letter or digit.</source>
        <translation>使用 1–63 个 a-z、0-9 和 &apos;-&apos; 字符，以字母或数字开头。</translation>
    </message>
    <message>
        <source>Use 1-32 characters of A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>使用 1–32 个 A-Z、a-z、0-9、&apos;.&apos;、&apos;_&apos; 和 &apos;-&apos; 字符。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>The base path must start with &apos;/&apos;.</source>
        <translation>基础路径必须以 &apos;/&apos; 开头。</translation>
    </message>
    <message>
        <source>Timeouts must be longer than 0 ms.</source>
        <translation>超时必须大于 0 毫秒。</translation>
    </message>
    <message>
        <source>Enter a version.</source>
        <translation>请输入版本。</translation>
    </message>
    <message>
        <source>Enter a slug.</source>
        <translation>请输入短名称。</translation>
    </message>
    <message>
        <source>Enter a base path.</source>
        <translation>请输入基础路径。</translation>
    </message>
    <message>
        <source>Enter a URL for every target.</source>
        <translation>请为每个目标输入 URL。</translation>
    </message>
    <message>
        <source>The catalog is not available.</source>
        <translation>目录不可用。</translation>
    </message>
    <message>
        <source>e.g. api_key</source>
        <translation>例如 api_key</translation>
    </message>
    <message>
        <source>Also accept the API key in this query parameter, for clients that cannot send headers. Leave empty to accept keys only in headers, which is safer: keys in URLs end up in server logs, proxies and browser history.</source>
        <translation>也接受此查询参数中的 API 密钥，供无法发送请求头的客户端使用。留空则只接受请求头中的密钥，这样更安全：URL 中的密钥会出现在服务器日志、代理和浏览器历史记录中。</translation>
    </message>
    <message>
        <source>&amp;Key query parameter:</source>
        <translation>密钥查询参数(&amp;K)：</translation>
    </message>
    <message>
        <source>Only APIs that require an API key take one from the query. Clear this field or choose API key authentication.</source>
        <translation>只有要求 API 密钥的 API 才会从查询中读取密钥。请清空此字段或选择 API 密钥认证。</translation>
    </message>
    <message>
        <source>Use up to 64 characters of A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;~&apos; and &apos;-&apos;.</source>
        <translation>最多使用 64 个字符，可用 A-Z、a-z、0-9、“.”、“_”、“~”和“-”。</translation>
    </message>
    <message>
        <source>%1 is already in use by another API.</source>
        <translation>%1 已被另一个 API 使用。</translation>
    </message>
    <message>
        <source>%1 is already the base path of %2 %3.</source>
        <translation>%1 已是 %2 %3 的基础路径。</translation>
    </message>
    <message>
        <source>%1 overlaps %2, the base path of %3 %4: the route %5 lies under both, so the gateway would send one API&apos;s calls to the other.</source>
        <translation>%1 与 %3 %4 的基础路径 %2 重叠：路由 %5 同时位于两者之下，网关会把一个 API 的调用发给另一个。</translation>
    </message>
    <message>
        <source>%1 overlaps %2, the base path of %3 %4: the gateway would send one API&apos;s calls to the other.</source>
        <translation>%1 与 %3 %4 的基础路径 %2 重叠：网关会把一个 API 的调用发给另一个。</translation>
    </message>
    <message>
        <source>Use a plain path: no empty, &apos;.&apos; or &apos;..&apos; segments, no &apos;?&apos; or &apos;#&apos;.</source>
        <translation>请使用普通路径：不含空段、&apos;.&apos; 或 &apos;..&apos; 段，不含 &apos;?&apos; 或 &apos;#&apos;。</translation>
    </message>
    <message>
        <source>%1 is free.</source>
        <translation>%1 可用。</translation>
    </message>
    <message>
        <source>This version of the API already exists: choose another version.</source>
        <translation>该 API 的此版本已存在：请选择其他版本。</translation>
    </message>
    <message>
        <source>This base path is already in use by another API.</source>
        <translation>此基础路径已被另一个 API 使用。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiKeysModel</name>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Only the start of the key is kept; the key itself was shown once.</source>
        <translation>只保存密钥的开头；密钥本身仅显示过一次。</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApplicationPanel</name>
    <message>
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>API keys of the application</source>
        <translation>应用的 API 密钥</translation>
    </message>
    <message>
        <source>Refuse calls with the selected key from now on</source>
        <translation>从现在起拒绝使用所选密钥的调用</translation>
    </message>
    <message>
        <source>&amp;Issue Key…</source>
        <translation>签发密钥(&amp;I)…</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Subscriptions of the application</source>
        <translation>应用的订阅</translation>
    </message>
    <message>
        <source>Keys call every API the application has an approved subscription to.</source>
        <translation>密钥可调用该应用已获批准订阅的所有 API。</translation>
    </message>
    <message>
        <source>&amp;End Subscription…</source>
        <translation>结束订阅(&amp;E)…</translation>
    </message>
    <message>
        <source>Stop calling the selected API with this application&apos;s keys</source>
        <translation>不再使用此应用的密钥调用所选 API</translation>
    </message>
    <message>
        <source>&amp;Request Subscription…</source>
        <translation>申请订阅(&amp;R)…</translation>
    </message>
    <message>
        <source>No application selected.</source>
        <translation>未选择应用。</translation>
    </message>
    <message>
        <source>Owned by team %1</source>
        <translation>属于团队 %1</translation>
    </message>
    <message>
        <source>Owned by %1</source>
        <translation>属于 %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>Cannot read the application: %1</source>
        <translation>无法读取应用：%1</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>No longer exists or is not visible to you</source>
        <translation>已不存在或对您不可见</translation>
    </message>
    <message>
        <source>Not possible in its current state</source>
        <translation>当前状态下无法执行</translation>
    </message>
    <message>
        <source>Invalid request</source>
        <translation>无效请求</translation>
    </message>
    <message>
        <source>The catalog could not be read or written</source>
        <translation>无法读取或写入目录</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No key was issued. %1</source>
        <translation>未签发密钥。%1</translation>
    </message>
    <message>
        <source>A new key was issued for %1.</source>
        <translation>已为 %1 签发新密钥。</translation>
    </message>
    <message>
        <source>Revoke API Key</source>
        <translation>撤销 API 密钥</translation>
    </message>
    <message>
        <source>Revoke the key %1 of %2?</source>
        <translation>撤销 %2 的密钥 %1？</translation>
    </message>
    <message>
        <source>Calls with this key are refused within seconds. This cannot be undone.</source>
        <translation>使用此密钥的调用将在几秒内被拒绝。此操作无法撤消。</translation>
    </message>
    <message>
        <source>Revoke Key</source>
        <translation>撤销密钥</translation>
    </message>
    <message>
        <source>The key %1 is revoked.</source>
        <translation>密钥 %1 已撤销。</translation>
    </message>
    <message>
        <source>The key %1 was not revoked. %2</source>
        <translation>密钥 %1 未被撤销。%2</translation>
    </message>
    <message>
        <source>%1, plan %2</source>
        <translation>%1，套餐 %2</translation>
    </message>
    <message>
        <source>The subscription was not requested. %1</source>
        <translation>未申请订阅。%1</translation>
    </message>
    <message>
        <source>Subscribed to %1: approved, the keys work now.</source>
        <translation>已订阅 %1：已批准，密钥现在可用。</translation>
    </message>
    <message>
        <source>Subscription to %1 requested: pending approval.</source>
        <translation>已申请订阅 %1：等待审批。</translation>
    </message>
    <message>
        <source>End Subscription</source>
        <translation>结束订阅</translation>
    </message>
    <message>
        <source>End the subscription of %1 to %2?</source>
        <translation>结束 %1 对 %2 的订阅？</translation>
    </message>
    <message>
        <source>The application&apos;s keys can no longer call this API. To call it again, request a new subscription.</source>
        <translation>应用的密钥将无法再调用此 API。如需再次调用，请申请新的订阅。</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>The subscription to %1 has ended.</source>
        <translation>对 %1 的订阅已结束。</translation>
    </message>
    <message>
        <source>The subscription to %1 did not end. %2</source>
        <translation>对 %1 的订阅未能结束。%2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Revo&amp;ke Key…</source>
        <translation>撤销密钥(&amp;K)…</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApplicationsModel</name>
    <message>
        <source>Team %1</source>
        <translation>团队 %1</translation>
    </message>
    <message>
        <source>Keys that are neither revoked nor expired</source>
        <translation>既未撤销也未过期的密钥</translation>
    </message>
    <message>
        <source>Approved subscriptions</source>
        <translation>已批准的订阅</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>API</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApplicationsPage</name>
    <message>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Your applications</source>
        <translation>您的应用</translation>
    </message>
    <message>
        <source>&amp;New Application…</source>
        <translation>新建应用(&amp;N)…</translation>
    </message>
    <message>
        <source>Create an application (%1)</source>
        <translation>创建应用（%1）</translation>
    </message>
    <message>
        <source>Applications are unavailable: the catalog is not open, or your account has no access to it.</source>
        <translation>应用不可用：目录未打开，或您的账户无权访问。</translation>
    </message>
    <message>
        <source>No applications to show.</source>
        <translation>没有可显示的应用。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Cannot read the applications: %1</source>
        <translation>无法读取应用：%1</translation>
    </message>
    <message>
        <source>You have no applications yet. Create one to get API keys and subscribe to APIs.</source>
        <translation>您还没有应用。创建一个应用即可获取 API 密钥并订阅 API。</translation>
    </message>
    <message>
        <source>Select an application to see its keys and subscriptions.</source>
        <translation>选择一个应用以查看其密钥和订阅。</translation>
    </message>
    <message>
        <source>The application was not created. %1</source>
        <translation>未创建应用。%1</translation>
    </message>
    <message>
        <source>Application %1 created. Issue a key and request a subscription to call APIs with it.</source>
        <translation>已创建应用 %1。签发密钥并申请订阅后即可用它调用 API。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApprovalDetails</name>
    <message>
        <source>Requested by:</source>
        <translation>申请人：</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>应用：</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API：</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>套餐：</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>限制：</translation>
    </message>
    <message>
        <source>Requested:</source>
        <translation>申请时间：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Decided:</source>
        <translation>决定时间：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>%1 requests selected.</source>
        <translation>已选择 %1 个申请。</translation>
    </message>
    <message>
        <source>Select a request to see its details.</source>
        <translation>选择一个申请以查看详情。</translation>
    </message>
    <message>
        <source>Subscription #%1</source>
        <translation>订阅 #%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (team %3)</source>
        <translation>%1 %2（团队 %3）</translation>
    </message>
    <message>
        <source>%1, %2 approval</source>
        <translation>%1，%2审批</translation>
    </message>
    <message>
        <source>%1 requests per minute</source>
        <translation>每分钟 %1 个请求</translation>
    </message>
    <message>
        <source>no rate limit</source>
        <translation>无速率限制</translation>
    </message>
    <message>
        <source>%1 requests per month</source>
        <translation>每月 %1 个请求</translation>
    </message>
    <message>
        <source>no monthly quota</source>
        <translation>无月度配额</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1，由 %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApprovalsModel</name>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>%1 (team %2)</source>
        <translation>%1（团队 %2）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批方式</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApprovalsPage</name>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>收件箱(&amp;I)</translation>
    </message>
    <message>
        <source>Approvals are unavailable: the catalog is not open, or your account has no access to it.</source>
        <translation>审批不可用：目录未打开，或您的账户无权访问。</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Approve the selected requests (Ctrl+Return)</source>
        <translation>批准所选申请（Ctrl+回车）</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>拒绝(&amp;R)…</translation>
    </message>
    <message>
        <source>Reject the selected requests with a reason</source>
        <translation>填写原因并拒绝所选申请</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>暂停(&amp;S)…</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>恢复(&amp;U)</translation>
    </message>
    <message>
        <source>Cannot read the approvals: %1</source>
        <translation>无法读取审批：%1</translation>
    </message>
    <message>
        <source>&amp;Inbox (%1)</source>
        <translation>收件箱（%1）(&amp;I)</translation>
    </message>
    <message>
        <source>Reject Requests</source>
        <translation>拒绝申请</translation>
    </message>
    <message>
        <source>Why are the selected requests rejected? The requester sees the reason.</source>
        <translation>为什么拒绝所选申请？申请人会看到该原因。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Suspend Subscriptions</source>
        <translation>暂停订阅</translation>
    </message>
    <message>
        <source>Why are the selected subscriptions suspended? Their calls are refused until they are resumed.</source>
        <translation>为什么暂停所选订阅？在恢复之前，其调用将被拒绝。</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Revoke Subscriptions</source>
        <translation>撤销订阅</translation>
    </message>
    <message>
        <source>Why are the selected subscriptions revoked? This cannot be undone.</source>
        <translation>为什么撤销所选订阅？此操作无法撤消。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Subscriptions updated: %1.</source>
        <translation>已更新的订阅：%1。</translation>
    </message>
    <message>
        <source>Updated: %1. Refused: %2.</source>
        <translation>已更新：%1。被拒绝：%2。</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>no longer exists or is not visible to you</source>
        <translation>已不存在或您无权查看</translation>
    </message>
    <message>
        <source>not possible in its current state</source>
        <translation>当前状态下无法执行</translation>
    </message>
    <message>
        <source>invalid request</source>
        <translation>无效的请求</translation>
    </message>
    <message>
        <source>the catalog could not be written</source>
        <translation>无法写入目录</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>#%1: %2 (%3)</source>
        <translation>#%1：%2（%3）</translation>
    </message>
    <message>
        <source>No requests are waiting for a decision.</source>
        <translation>没有等待决定的申请。</translation>
    </message>
    <message>
        <source>Nothing has been decided yet.</source>
        <translation>尚未做出任何决定。</translation>
    </message>
    <message>
        <source>Details of the selected subscription</source>
        <translation>所选订阅的详情</translation>
    </message>
    <message>
        <source>Pending subscription requests</source>
        <translation>待审批的订阅申请</translation>
    </message>
    <message>
        <source>Decided subscriptions</source>
        <translation>已决定的订阅</translation>
    </message>
    <message>
        <source>His&amp;tory</source>
        <translation>历史(&amp;T)</translation>
    </message>
    <message>
        <source>Rev&amp;oke…</source>
        <translation>撤销(&amp;O)…</translation>
    </message>
    <message>
        <source>Only admins and the owners of an API&apos;s team decide requests to subscribe to it. The requests of your applications, and their state, are on the Applications page.</source>
        <translation>只有管理员和 API 所属团队的所有者才能决定其订阅请求。您的应用的请求及其状态显示在“应用”页面上。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditDiffView</name>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>The object before and after the change</source>
        <translation>更改前后的对象</translation>
    </message>
    <message>
        <source>Highlighted rows changed.</source>
        <translation>高亮的行已更改。</translation>
    </message>
    <message>
        <source>Select an entry to see the object before and after.</source>
        <translation>选择一个条目以查看对象更改前后的内容。</translation>
    </message>
    <message>
        <source>%1 on %2 #%3 by %4, %5</source>
        <translation>%4 对 %2 #%3 执行了 %1，%5</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object type</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <source>Object ID</source>
        <translation>对象 ID</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditPage</name>
    <message>
        <source>A&amp;ctor:</source>
        <translation>操作者(&amp;C)：</translation>
    </message>
    <message>
        <source>O&amp;bject:</source>
        <translation>对象(&amp;B)：</translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation>时间(&amp;I)：</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>任何操作</translation>
    </message>
    <message>
        <source>Any object</source>
        <translation>任何对象</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>审计日志条目</translation>
    </message>
    <message>
        <source>The audit log is unavailable: the catalog is not open, or your account has no access to it.</source>
        <translation>审计日志不可用：目录未打开，或您的帐户无权访问。</translation>
    </message>
    <message>
        <source>Showing the newest %1 entries; narrow the filters to see older ones.</source>
        <translation>显示最新的 %1 条记录；缩小筛选范围以查看更早的记录。</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>没有匹配的条目。</translation>
    </message>
    <message>
        <source>Select an entry to see the object before and after.</source>
        <translation>选择一个条目以查看对象更改前后的内容。</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
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
        <translation>LRU（最近最少使用）</translation>
    </message>
    <message>
        <source>W-TinyLFU (frequency-aware)</source>
        <translation>W-TinyLFU（基于访问频率）</translation>
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
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Replaces the cache with an empty one of this budget and policy.</source>
        <translation>用具有此预算和策略的空缓存替换当前缓存。</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Purge selected API</source>
        <translation>清除所选 API</translation>
    </message>
    <message>
        <source>Path prefix, e.g. /shop/</source>
        <translation>路径前缀，例如 /shop/</translation>
    </message>
    <message>
        <source>Purge prefix</source>
        <translation>按前缀清除</translation>
    </message>
    <message>
        <source>Tag (Cache-Tag or Surrogate-Key)</source>
        <translation>标签（Cache-Tag 或 Surrogate-Key）</translation>
    </message>
    <message>
        <source>Purge tag</source>
        <translation>按标签清除</translation>
    </message>
    <message>
        <source>Purge everything</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Purge API</source>
        <translation>清除 API</translation>
    </message>
    <message>
        <source>Remove every cached response of %1? It holds %2 objects (%3) now. Its next requests go to the upstream.</source>
        <translation>删除 %1 的所有缓存响应？它目前有 %2 个对象（%3）。其后续请求将发往上游。</translation>
    </message>
    <message>
        <source>A path prefix starts with &apos;/&apos; and has no spaces, for example /shop/.</source>
        <translation>路径前缀以“/”开头且不含空格，例如 /shop/。</translation>
    </message>
    <message>
        <source>Purge by path prefix</source>
        <translation>按路径前缀清除</translation>
    </message>
    <message>
        <source>Remove every cached response whose path starts with %1? The next requests for those paths go to the upstream.</source>
        <translation>删除路径以 %1 开头的所有缓存响应？这些路径的后续请求将发往上游。</translation>
    </message>
    <message>
        <source>Enter one tag, as the upstream sends it in Cache-Tag or Surrogate-Key.</source>
        <translation>请输入一个标签，与上游在 Cache-Tag 或 Surrogate-Key 中发送的一致。</translation>
    </message>
    <message>
        <source>Purge by tag</source>
        <translation>按标签清除</translation>
    </message>
    <message>
        <source>Remove every cached response tagged %1? The next requests for them go to the upstream.</source>
        <translation>删除带有标签 %1 的所有缓存响应？它们的后续请求将发往上游。</translation>
    </message>
    <message>
        <source>Empty the whole cache? All %1 objects (%2) are removed and every next request goes to the upstream.</source>
        <translation>清空整个缓存？全部 %1 个对象（%2）将被删除，之后的每个请求都将发往上游。</translation>
    </message>
    <message>
        <source>Apply cache settings</source>
        <translation>应用缓存设置</translation>
    </message>
    <message>
        <source>Use a budget of %1 with %2 eviction? The cache is replaced by an empty one: its %3 objects are dropped and its counters start from zero.</source>
        <translation>使用 %1 的预算和 %2 淘汰策略？缓存将被替换为空缓存：其 %3 个对象将被丢弃，计数器从零开始。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>The cache refused: %1.</source>
        <translation>缓存拒绝了操作：%1。</translation>
    </message>
    <message>
        <source>Applied: %1, %2. Objects dropped: %3.</source>
        <translation>已应用：%1，%2。丢弃的对象：%3。</translation>
    </message>
    <message>
        <source>Purged 1 object.</source>
        <translation>已清除 1 个对象。</translation>
    </message>
    <message>
        <source>Purged %1 objects.</source>
        <translation>已清除 %1 个对象。</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>预算(&amp;B)：</translation>
    </message>
    <message>
        <source>Evi&amp;ction:</source>
        <translation>淘汰策略(&amp;C)：</translation>
    </message>
    <message>
        <source>From %1 to %2. Type a size such as 512 KiB, 64 MiB or 2 GiB; a number alone is in MiB.</source>
        <translation>从 %1 到 %2。请输入 512 KiB、64 MiB 或 2 GiB 这样的大小；只输入数字时单位为 MiB。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CacheApiModel</name>
    <message>
        <source>API %1: %2 revalidated, %3 bypassed, %4 stored, %5 evicted, %6 purged</source>
        <translation>API %1：%2 次重新验证，%3 次绕过，%4 次存储，%5 次淘汰，%6 次清除</translation>
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
        <translation>请求数</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>未命中</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CacheEventModel</name>
    <message>
        <source>Stored</source>
        <translation>已存储</translation>
    </message>
    <message>
        <source>Evicted</source>
        <translation>已淘汰</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>已清除</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已替换</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CachePage</name>
    <message>
        <source>Usage</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <source>Objects:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>Hit ratio:</source>
        <translation>命中率：</translation>
    </message>
    <message>
        <source>Activity:</source>
        <translation>活动：</translation>
    </message>
    <message>
        <source>Eviction:</source>
        <translation>淘汰策略：</translation>
    </message>
    <message>
        <source>Hit ratio by API</source>
        <translation>各 API 命中率</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Per API</source>
        <translation>按 API</translation>
    </message>
    <message>
        <source>Recently stored and evicted</source>
        <translation>最近存储和淘汰</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 / %2（%3 %）</translation>
    </message>
    <message>
        <source>%1 % of %2 lookups</source>
        <translation>%2 次查找中命中 %1 %</translation>
    </message>
    <message>
        <source>No lookups yet</source>
        <translation>尚无查找</translation>
    </message>
    <message>
        <source>%1 stored, %2 evicted, %3 purged</source>
        <translation>%1 已存储，%2 已淘汰，%3 已清除</translation>
    </message>
    <message>
        <source>LRU (least recently used)</source>
        <translation>LRU（最近最少使用）</translation>
    </message>
    <message>
        <source>W-TinyLFU (frequency-aware)</source>
        <translation>W-TinyLFU（基于访问频率）</translation>
    </message>
    <message>
        <source>No cache lookups yet</source>
        <translation>尚无缓存查找</translation>
    </message>
    <message>
        <source>Bodies in files:</source>
        <translation>文件中的响应体：</translation>
    </message>
    <message>
        <source>Stored responses of %1 or more are kept in memory files and sent with sendfile, without copying them. Each holds one file descriptor, and the gateway allows only so many. While all of them are in use, further large responses are kept in memory instead and copied on every hit.</source>
        <translation>%1 及以上的已存储响应保存在内存文件中，并通过 sendfile 发送，无需复制。每个响应占用一个文件描述符，而网关允许的数量有限。全部占用时，其他大响应改为保存在内存中，每次命中时复制。</translation>
    </message>
    <message>
        <source>%1 of %2 descriptors</source>
        <translation>%1 / %2 个描述符</translation>
    </message>
    <message>
        <source>%1: all in use</source>
        <translation>%1：已全部占用</translation>
    </message>
    <message>
        <source>%1: nearly all in use</source>
        <translation>%1：几乎全部占用</translation>
    </message>
    <message>
        <source>Hit ratio (%)</source>
        <translation>命中率 (%)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CachePolicyForm</name>
    <message>
        <source>&amp;Cache responses of this API in the gateway</source>
        <translation>在网关中缓存此 API 的响应(&amp;C)</translation>
    </message>
    <message>
        <source>Off: every call goes to the upstream. The settings below are kept for when caching is turned on again.</source>
        <translation>关闭：每次调用都转发到上游。下面的设置会保留，以便再次开启缓存时使用。</translation>
    </message>
    <message>
        <source>A duration in whole seconds, such as 30s, 10m, 1h or 1m30s (1s to 8760h).</source>
        <translation>以整秒计的时长，例如 30s、10m、1h 或 1m30s（1s 到 8760h）。</translation>
    </message>
    <message>
        <source>Default TT&amp;L:</source>
        <translation>默认 TTL(&amp;L)：</translation>
    </message>
    <message>
        <source>none: the upstream decides</source>
        <translation>无：由上游决定</translation>
    </message>
    <message>
        <source>How long a response stays fresh when the upstream sends no s-maxage, max-age or Expires. %1</source>
        <translation>上游未发送 s-maxage、max-age 或 Expires 时，响应保持新鲜的时长。%1</translation>
    </message>
    <message>
        <source>&amp;Maximum TTL:</source>
        <translation>最大 TTL(&amp;M)：</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>The longest any response stays fresh, whatever the upstream says; not below the default TTL. %1</source>
        <translation>无论上游如何声明，响应保持新鲜的最长时间；不低于默认 TTL。%1</translation>
    </message>
    <message>
        <source>Ignore Cache-Control and Expires from the upstream. no-store, private, Set-Cookie and Vary: * still prevent storing.</source>
        <translation>忽略上游的 Cache-Control 和 Expires。no-store、private、Set-Cookie 和 Vary: * 仍会阻止存储。</translation>
    </message>
    <message>
        <source>the RFC 9110 defaults (200, 203, 204, 300, 301, 404, ...)</source>
        <translation>RFC 9110 默认值（200、203、204、300、301、404 等）</translation>
    </message>
    <message>
        <source>Status codes that may be stored, separated by commas, for example 200, 404. 206 and 304 cannot be stored on their own.</source>
        <translation>可存储的状态码，以逗号分隔，例如 200, 404。206 和 304 不能单独存储。</translation>
    </message>
    <message>
        <source>Largest stored object (si&amp;ze):</source>
        <translation>最大存储对象（大小）(&amp;Z)：</translation>
    </message>
    <message>
        <source>8MiB</source>
        <translation>8MiB</translation>
    </message>
    <message>
        <source>Larger responses are streamed to the client, never stored. A size such as 512KiB, 8MiB or 1GB (1B to 1GiB).</source>
        <translation>更大的响应直接流式传给客户端，从不存储。大小示例：512KiB、8MiB 或 1GB（1B 到 1GiB）。</translation>
    </message>
    <message>
        <source>Ignored &amp;query parameters:</source>
        <translation>忽略的查询参数(&amp;Q)：</translation>
    </message>
    <message>
        <source>none, for example utm_*, fbclid</source>
        <translation>无，例如 utm_*、fbclid</translation>
    </message>
    <message>
        <source>Query parameters left out of the cache key, separated by commas; a trailing * matches a prefix (utm_*).</source>
        <translation>不计入缓存键的查询参数，以逗号分隔；末尾的 * 匹配前缀（utm_*）。</translation>
    </message>
    <message>
        <source>Stale &amp;while revalidating:</source>
        <translation>重新验证期间提供过期内容(&amp;W)：</translation>
    </message>
    <message>
        <source>as the upstream says</source>
        <translation>按上游的声明</translation>
    </message>
    <message>
        <source>Serve a stale response this long while one background request refreshes it (RFC 5861). %1</source>
        <translation>在后台请求刷新期间，在此时长内提供过期响应（RFC 5861）。%1</translation>
    </message>
    <message>
        <source>Stale i&amp;f the upstream fails:</source>
        <translation>上游故障时提供过期内容(&amp;F)：</translation>
    </message>
    <message>
        <source>Serve a stale response this long when the upstream fails (5xx, unreachable) (RFC 5861). %1</source>
        <translation>上游故障（5xx、不可达）时，在此时长内提供过期响应（RFC 5861）。%1</translation>
    </message>
    <message>
        <source>Cache priv&amp;ate responses per consumer</source>
        <translation>按使用方缓存私有响应(&amp;A)</translation>
    </message>
    <message>
        <source>Store responses marked private, keyed by the calling application and never served to another one.</source>
        <translation>存储标记为 private 的响应，按调用的应用区分，绝不提供给其他应用。</translation>
    </message>
    <message>
        <source>Cache POST b&amp;y a hash of its body</source>
        <translation>按请求体哈希缓存 POST(&amp;Y)</translation>
    </message>
    <message>
        <source>For read-only query APIs only: a POST with the same body gets the stored answer.</source>
        <translation>仅适用于只读查询 API：请求体相同的 POST 获得已存储的响应。</translation>
    </message>
    <message>
        <source>Store responses with Set-Coo&amp;kie, without the cookie</source>
        <translation>存储带 Set-Cookie 的响应，但去掉 Cookie(&amp;K)</translation>
    </message>
    <message>
        <source>Otherwise responses with Set-Cookie are not stored. The first caller still gets the cookie.</source>
        <translation>否则带 Set-Cookie 的响应不会被存储。第一个调用方仍会收到该 Cookie。</translation>
    </message>
    <message>
        <source>&amp;JSON, as stored</source>
        <translation>JSON（已存储的形式）(&amp;J)</translation>
    </message>
    <message>
        <source>The policy as the catalog stores it; it follows the form and is read-only</source>
        <translation>目录中存储的策略；随表单更新，只读</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Show the stored policy again</source>
        <translation>重新显示已存储的策略</translation>
    </message>
    <message>
        <source>&amp;Save Cache Policy</source>
        <translation>保存缓存策略(&amp;S)</translation>
    </message>
    <message>
        <source>The gateway applies it with its next configuration, within a second</source>
        <translation>网关会在下一次配置时应用，一秒之内</translation>
    </message>
    <message>
        <source>The stored policy cannot be read (%1); saving the form replaces it.</source>
        <translation>无法读取已存储的策略（%1）；保存表单将替换它。</translation>
    </message>
    <message>
        <source>“%1” is not a duration. Use whole seconds, such as 30s, 10m, 1h or 1m30s.</source>
        <translation>“%1”不是时长。请使用整秒，例如 30s、10m、1h 或 1m30s。</translation>
    </message>
    <message>
        <source>%1 is not a whole number of seconds.</source>
        <translation>%1 不是整数秒。</translation>
    </message>
    <message>
        <source>%1 is out of range: from 1s to 8760h.</source>
        <translation>%1 超出范围：1s 到 8760h。</translation>
    </message>
    <message>
        <source>“%1” is not a size. Use a size such as 512KiB, 8MiB or 1GB.</source>
        <translation>“%1”不是大小。请使用 512KiB、8MiB 或 1GB 这样的大小。</translation>
    </message>
    <message>
        <source>%1 is out of range: from 1B to 1GiB.</source>
        <translation>%1 超出范围：1B 到 1GiB。</translation>
    </message>
    <message>
        <source>“%1” is not a status code.</source>
        <translation>“%1”不是状态码。</translation>
    </message>
    <message>
        <source>%1 is not a status from 200 to 599.</source>
        <translation>%1 不是 200 到 599 之间的状态。</translation>
    </message>
    <message>
        <source>%1 cannot be stored on its own (a partial or a validation response).</source>
        <translation>%1 不能单独存储（部分响应或验证响应）。</translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation>%1 列出了两次。</translation>
    </message>
    <message>
        <source>Name a parameter; a trailing * ignores a prefix (utm_*).</source>
        <translation>请填写参数名；末尾的 * 表示忽略该前缀（utm_*）。</translation>
    </message>
    <message>
        <source>“%1”: * is only allowed at the end.</source>
        <translation>“%1”：* 只能位于末尾。</translation>
    </message>
    <message>
        <source>“%1” is not a query parameter name.</source>
        <translation>“%1”不是查询参数名。</translation>
    </message>
    <message>
        <source>“%1” is longer than “%2”.</source>
        <translation>“%1”长于“%2”。</translation>
    </message>
    <message>
        <source>“%1” needs a value in “%2”.</source>
        <translation>“%1”需要在“%2”中填写值。</translation>
    </message>
    <message>
        <source>The catalog refuses this policy: %1</source>
        <translation>目录拒绝此策略：%1</translation>
    </message>
    <message>
        <source>The catalog refuses “%1”: %2</source>
        <translation>目录拒绝“%1”：%2</translation>
    </message>
    <message>
        <source>Override the &amp;upstream&apos;s freshness with the default TTL</source>
        <translation>用默认 TTL 覆盖上游的新鲜度(&amp;U)</translation>
    </message>
    <message>
        <source>Cachea&amp;ble statuses:</source>
        <translation>可缓存的状态码(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CallLogDetails</name>
    <message>
        <source>Request ID:</source>
        <translation>请求 ID：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>Started (UTC):</source>
        <translation>开始时间（UTC）：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>路径：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Gateway error:</source>
        <translation>网关错误：</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>缓存：</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API：</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>路由：</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>应用：</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>客户端：</translation>
    </message>
    <message>
        <source>Upstream:</source>
        <translation>上游：</translation>
    </message>
    <message>
        <source>Total latency:</source>
        <translation>总延迟：</translation>
    </message>
    <message>
        <source>Upstream latency:</source>
        <translation>上游延迟：</translation>
    </message>
    <message>
        <source>Gateway and transfer:</source>
        <translation>网关与传输：</translation>
    </message>
    <message>
        <source>Bytes in:</source>
        <translation>入站字节：</translation>
    </message>
    <message>
        <source>Bytes out:</source>
        <translation>出站字节：</translation>
    </message>
    <message>
        <source>Log entry:</source>
        <translation>日志条目：</translation>
    </message>
    <message>
        <source>None: the upstream&apos;s response was relayed</source>
        <translation>无：已转发上游的响应</translation>
    </message>
    <message>
        <source>No route matches the path</source>
        <translation>没有与该路径匹配的路由</translation>
    </message>
    <message>
        <source>Method not allowed on the route</source>
        <translation>该路由不允许此方法</translation>
    </message>
    <message>
        <source>Malformed request</source>
        <translation>请求格式错误</translation>
    </message>
    <message>
        <source>Request header too large</source>
        <translation>请求头过大</translation>
    </message>
    <message>
        <source>Request body too large</source>
        <translation>请求体过大</translation>
    </message>
    <message>
        <source>The client was too slow to send the request</source>
        <translation>客户端发送请求过慢</translation>
    </message>
    <message>
        <source>No upstream could be reached</source>
        <translation>无法连接任何上游</translation>
    </message>
    <message>
        <source>The upstream did not answer in time</source>
        <translation>上游未及时响应</translation>
    </message>
    <message>
        <source>The upstream broke off its response</source>
        <translation>上游中断了响应</translation>
    </message>
    <message>
        <source>The client went away</source>
        <translation>客户端已断开</translation>
    </message>
    <message>
        <source>Missing or unknown credentials</source>
        <translation>凭据缺失或未知</translation>
    </message>
    <message>
        <source>No approved subscription</source>
        <translation>没有已批准的订阅</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>已限流</translation>
    </message>
    <message>
        <source>The API is retired</source>
        <translation>该 API 已停用</translation>
    </message>
    <message>
        <source>The gateway was shutting down</source>
        <translation>网关正在关闭</translation>
    </message>
    <message>
        <source>Only-if-cached and nothing stored</source>
        <translation>仅限缓存（only-if-cached）但无存储内容</translation>
    </message>
    <message>
        <source>Select a call to see all its fields.</source>
        <translation>选择一个调用以查看其所有字段。</translation>
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
        <translation>未发送响应</translation>
    </message>
    <message>
        <source>None (no API matched)</source>
        <translation>无（没有匹配的 API）</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1（ID %2）</translation>
    </message>
    <message>
        <source>None (anonymous call)</source>
        <translation>无（匿名调用）</translation>
    </message>
    <message>
        <source>id %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>None (answered by the gateway)</source>
        <translation>无（由网关应答）</translation>
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
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>从(&amp;M)：</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>到(&amp;O)：</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>全部 API</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>%1xx</source>
        <translation>%1xx</translation>
    </message>
    <message>
        <source>No lookup</source>
        <translation>未查询缓存</translation>
    </message>
    <message>
        <source>Part of the path</source>
        <translation>路径的一部分</translation>
    </message>
    <message>
        <source>Exact request id</source>
        <translation>完整的请求 ID</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>Turn every filter off</source>
        <translation>关闭所有筛选条件</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>时间范围(&amp;R)：</translation>
    </message>
    <message>
        <source>AP&amp;I:</source>
        <translation>API(&amp;I)：</translation>
    </message>
    <message>
        <source>Applica&amp;tion:</source>
        <translation>应用(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>路径(&amp;P)：</translation>
    </message>
    <message>
        <source>Request I&amp;D:</source>
        <translation>请求 ID(&amp;D)：</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>The start of the range must be before its end.</source>
        <translation>时间范围的开始必须早于结束。</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>应用(&amp;Y)</translation>
    </message>
    <message>
        <source>C&amp;ache:</source>
        <translation>缓存(&amp;A)：</translation>
    </message>
    <message>
        <source>The calling application: pick one, or type its name or id</source>
        <translation>调用方应用：从列表中选择，或输入其名称或 ID</translation>
    </message>
    <message>
        <source>Anonymous calls</source>
        <translation>匿名调用</translation>
    </message>
    <message>
        <source>No application is called &quot;%1&quot;: pick one from the list, or give its name or id.</source>
        <translation>没有名为“%1”的应用：请从列表中选择，或输入其名称或 ID。</translation>
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
        <translation>命中</translation>
    </message>
    <message>
        <source>Miss</source>
        <translation>未命中</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Revalidated</source>
        <translation>已重新验证</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>绕过</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>(no longer stored)</source>
        <translation>（已不再存储）</translation>
    </message>
    <message>
        <source>%1 bytes in, %2 bytes out</source>
        <translation>入站 %1 字节，出站 %2 字节</translation>
    </message>
    <message>
        <source>No application (anonymous call)</source>
        <translation>无应用（匿名调用）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Application id %1</source>
        <translation>应用 ID %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CallLogsPage</name>
    <message>
        <source>Call Logs</source>
        <translation>调用日志</translation>
    </message>
    <message>
        <source>&amp;Live tail</source>
        <translation>实时跟踪(&amp;L)</translation>
    </message>
    <message>
        <source>Add new calls at the top as they are logged, every second</source>
        <translation>每秒将新记录的调用添加到顶部</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save every call that matches the filters to a CSV file</source>
        <translation>将所有符合筛选条件的调用保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Logged calls, newest first</source>
        <translation>已记录的调用，最新的在前</translation>
    </message>
    <message>
        <source>All fields of the selected call</source>
        <translation>所选调用的所有字段</translation>
    </message>
    <message>
        <source>Cannot read the call log: %1</source>
        <translation>无法读取调用日志：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No calls match the filters.</source>
        <translation>没有符合筛选条件的调用。</translation>
    </message>
    <message>
        <source>Calls loaded: %1 (scroll for more)</source>
        <translation>已加载调用：%1（滚动以加载更多）</translation>
    </message>
    <message>
        <source>Calls: %1</source>
        <translation>调用：%1</translation>
    </message>
    <message>
        <source>This call is no longer stored: retention deleted it.</source>
        <translation>此调用已不再存储：已被保留策略删除。</translation>
    </message>
    <message>
        <source>Export Call Log</source>
        <translation>导出调用日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Exporting to %1: %2 calls written…</source>
        <translation>正在导出到 %1：已写入 %2 个调用…</translation>
    </message>
    <message>
        <source>Exported %1 calls to %2.</source>
        <translation>已将 %1 个调用导出到 %2。</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>导出到 %1 失败：%2</translation>
    </message>
    <message>
        <source>A preset range ends now: Refresh and live tail move it along. A custom range stays where it was set.</source>
        <translation>预设范围截止于当前：刷新和实时跟踪会让它随之移动。自定义范围保持设定不变。</translation>
    </message>
    <message>
        <source>Since %1, moving with the clock</source>
        <translation>自 %1 起，随时间移动</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CatalogModel</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>已弃用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Deprecated, sunset %1</source>
        <translation>已弃用，%1 下线</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>sunset %1</source>
        <translation>%1 下线</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Base path</source>
        <translation>基础路径</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CatalogPage</name>
    <message>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>API 列表</translation>
    </message>
    <message>
        <source>APIs as cards</source>
        <translation>卡片形式的 API</translation>
    </message>
    <message>
        <source>Details of the selected API</source>
        <translation>所选 API 的详情</translation>
    </message>
    <message>
        <source>The catalog is unavailable: it is not open, or your account has no access to it.</source>
        <translation>目录不可用：目录未打开，或您的账户无权访问。</translation>
    </message>
    <message>
        <source>No catalog.</source>
        <translation>没有目录。</translation>
    </message>
    <message>
        <source>Search name, tag, description or path</source>
        <translation>搜索名称、标签、描述或路径</translation>
    </message>
    <message>
        <source>Owner team</source>
        <translation>所属团队</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>所有团队</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>Lifecycle state</source>
        <translation>生命周期状态</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Any visibility</source>
        <translation>任意可见性</translation>
    </message>
    <message>
        <source>Search the catalog (%1)</source>
        <translation>搜索目录（%1）</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Show the APIs as a table</source>
        <translation>以表格显示 API</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Show the APIs as cards</source>
        <translation>以卡片显示 API</translation>
    </message>
    <message>
        <source>Cannot read the catalog: %1</source>
        <translation>无法读取目录：%1</translation>
    </message>
    <message>
        <source>Select an API to see its details.</source>
        <translation>选择一个 API 以查看其详情。</translation>
    </message>
    <message>
        <source>The catalog has no APIs you can see.</source>
        <translation>目录中没有您可见的 API。</translation>
    </message>
    <message>
        <source>No API matches the search.</source>
        <translation>没有与搜索匹配的 API。</translation>
    </message>
    <message>
        <source>%1 of %2 APIs</source>
        <translation>%1 / %2 个 API</translation>
    </message>
    <message>
        <source>1 API</source>
        <translation>1 个 API</translation>
    </message>
    <message>
        <source>%1 APIs</source>
        <translation>%1 个 API</translation>
    </message>
    <message>
        <source>Cannot show this API: %1 (%2)</source>
        <translation>无法显示此 API：%1（%2）</translation>
    </message>
    <message>
        <source>%1 is published: the gateway routes it now.</source>
        <translation>%1 已发布：网关现在开始路由它。</translation>
    </message>
    <message>
        <source>%1 is deprecated: its responses carry Deprecation and Sunset headers.</source>
        <translation>%1 已弃用：其响应带有 Deprecation 和 Sunset 头。</translation>
    </message>
    <message>
        <source>%1 is retired: calls are answered with 410 Gone.</source>
        <translation>%1 已停用：调用将得到 410 Gone。</translation>
    </message>
    <message>
        <source>The draft %1 is deleted.</source>
        <translation>草稿 %1 已删除。</translation>
    </message>
    <message>
        <source>Version %1 was created as a draft.</source>
        <translation>已创建草稿版本 %1。</translation>
    </message>
    <message>
        <source>%1 was refused: %2 (%3)</source>
        <translation>%1 被拒绝：%2（%3）</translation>
    </message>
    <message>
        <source>The cache policy of %1 is saved; the gateway applies it with its next configuration.</source>
        <translation>%1 的缓存策略已保存；网关会在下一次配置时应用它。</translation>
    </message>
    <message>
        <source>The cache policy was refused: %1</source>
        <translation>缓存策略被拒绝：%1</translation>
    </message>
    <message>
        <source>The cache policy was refused: %1 (%2)</source>
        <translation>缓存策略被拒绝：%1（%2）</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>no longer exists or is not visible to you</source>
        <translation>已不存在或对您不可见</translation>
    </message>
    <message>
        <source>not possible in its current state</source>
        <translation>当前状态下无法执行</translation>
    </message>
    <message>
        <source>the API is not ready for it</source>
        <translation>API 尚未就绪</translation>
    </message>
    <message>
        <source>the catalog could not be written</source>
        <translation>无法写入目录</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>&amp;New API…</source>
        <translation>新建 API(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import OpenAPI…</source>
        <translation>导入 OpenAPI(&amp;I)…</translation>
    </message>
    <message>
        <source>Create a draft API from an OpenAPI 3 document</source>
        <translation>从 OpenAPI 3 文档创建 API 草稿</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Change the selected API&apos;s definition</source>
        <translation>修改所选 API 的定义</translation>
    </message>
    <message>
        <source>%1 %2 is created as a draft.</source>
        <translation>%1 %2 已创建为草稿。</translation>
    </message>
    <message>
        <source>%1 %2 is imported as a draft (routes: %3).</source>
        <translation>%1 %2 已作为草稿导入（路由：%3）。</translation>
    </message>
    <message>
        <source>%1 %2 is saved.</source>
        <translation>%1 %2 已保存。</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 could not be exported: %2</source>
        <translation>无法导出 %1：%2</translation>
    </message>
    <message>
        <source>%1 could not be saved to %2: %3</source>
        <translation>无法将 %1 保存到 %2：%3</translation>
    </message>
    <message>
        <source>%1 is exported as its OpenAPI document (JSON) to %2.</source>
        <translation>%1 已作为 OpenAPI 文档（JSON）导出到 %2。</translation>
    </message>
    <message>
        <source>%1 is exported as a workspace file to %2; apply it with --apply-workspace.</source>
        <translation>%1 已作为工作区文件导出到 %2；使用 --apply-workspace 应用它。</translation>
    </message>
    <message>
        <source>The catalog is not available.</source>
        <translation>目录不可用。</translation>
    </message>
    <message>
        <source>Create a draft API from a form (%1)</source>
        <translation>通过表单创建 API 草稿（%1）</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::DashboardPage</name>
    <message>
        <source>Live traffic</source>
        <translation>实时流量</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>The last five minutes, one point per second</source>
        <translation>最近五分钟，每秒一个数据点</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>缓存命中率</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99 延迟</translation>
    </message>
    <message>
        <source>Error rate (5xx)</source>
        <translation>错误率 (5xx)</translation>
    </message>
    <message>
        <source>Dropped log records</source>
        <translation>丢弃的日志记录</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> 请求/秒</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>全部请求</translation>
    </message>
    <message>
        <source>Responses by status class</source>
        <translation>按状态类别的响应</translation>
    </message>
    <message>
        <source>Responses/s</source>
        <translation>响应/秒</translation>
    </message>
    <message>
        <source> responses/s</source>
        <translation> 响应/秒</translation>
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
        <translation>错误</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>错误/秒</translation>
    </message>
    <message>
        <source> errors/s</source>
        <translation> 错误/秒</translation>
    </message>
    <message>
        <source>Upstream errors</source>
        <translation>上游错误</translation>
    </message>
    <message>
        <source>5xx responses</source>
        <translation>5xx 响应</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No history yet</source>
        <translation>暂无历史数据</translation>
    </message>
    <message>
        <source>%1 requests in total</source>
        <translation>共 %1 个请求</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>No cache statistics</source>
        <translation>无缓存统计</translation>
    </message>
    <message>
        <source>Of cacheable requests</source>
        <translation>可缓存请求中</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>No latency statistics</source>
        <translation>无延迟统计</translation>
    </message>
    <message>
        <source>Gateway to client</source>
        <translation>网关到客户端</translation>
    </message>
    <message>
        <source>%1 server errors/s</source>
        <translation>%1 个服务器错误/秒</translation>
    </message>
    <message>
        <source>Since the gateway started</source>
        <translation>自网关启动以来</translation>
    </message>
    <message>
        <source>History could not be loaded: %1</source>
        <translation>无法加载历史数据：%1</translation>
    </message>
    <message>
        <source>Hit ratio (%)</source>
        <translation>命中率 (%)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Hits of cacheable requests</source>
        <translation>可缓存请求的命中</translation>
    </message>
    <message>
        <source>Requests by cache status</source>
        <translation>按缓存状态划分的请求</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Miss</source>
        <translation>未命中</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Revalidated</source>
        <translation>已重新验证</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>绕过</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>延迟百分位</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟 (毫秒)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
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
        <translation>请求数最多的 API</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Requests in the range</source>
        <translation>范围内的请求</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> 个请求</translation>
    </message>
    <message>
        <source>Top APIs by cache hit ratio</source>
        <translation>缓存命中率最高的 API</translation>
    </message>
    <message>
        <source>No cacheable requests</source>
        <translation>没有可缓存的请求</translation>
    </message>
    <message>
        <source>No API traffic in the last 5 minutes</source>
        <translation>最近 5 分钟内没有 API 流量</translation>
    </message>
    <message>
        <source>No API traffic in this range</source>
        <translation>此范围内没有 API 流量</translation>
    </message>
    <message>
        <source>No cacheable API traffic</source>
        <translation>没有可缓存的 API 流量</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>缓存大小</translation>
    </message>
    <message>
        <source>%1 objects, %2 budget</source>
        <translation>%1 个对象，预算 %2</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>This instance stores no calls</source>
        <translation>此实例不存储调用</translation>
    </message>
    <message>
        <source>Call logging is turned off: the gateway captures no call records (GATEHOUSE_CALL_LOG=off).</source>
        <translation>调用日志已关闭：网关不采集调用记录（GATEHOUSE_CALL_LOG=off）。</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>The last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>No requests in the last 5 minutes. View &gt; Demo Traffic (Ctrl+T) sends some.</source>
        <translation>最近 5 分钟内没有请求。视图 &gt; 演示流量（Ctrl+T）可以发送一些请求。</translation>
    </message>
    <message>
        <source>The gateway is stopped: Gateway &gt; Start Gateway starts it.</source>
        <translation>网关已停止：网关 &gt; 启动网关 可将其启动。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::DemoCatalogOffer</name>
    <message>
        <source>Create &amp;Demo Workspace...</source>
        <translation>创建演示工作区(&amp;D)...</translation>
    </message>
    <message>
        <source>Adds demo teams, APIs, plans, applications and subscriptions on the built-in demo origin to an empty catalog</source>
        <translation>在空目录中添加基于内置演示源站的演示团队、API、套餐、应用和订阅</translation>
    </message>
    <message>
        <source>Demo Workspace</source>
        <translation>演示工作区</translation>
    </message>
    <message>
        <source>Your catalog is empty. Create a demo workspace?</source>
        <translation>您的目录为空。是否创建演示工作区？</translation>
    </message>
    <message>
        <source>Create the demo workspace?</source>
        <translation>是否创建演示工作区？</translation>
    </message>
    <message>
        <source>Could not create the demo workspace: %1</source>
        <translation>无法创建演示工作区：%1</translation>
    </message>
    <message>
        <source>The demo workspace was not created: the catalog already has APIs.</source>
        <translation>未创建演示工作区：目录中已有 API。</translation>
    </message>
    <message>
        <source>Could not issue a key for the demo traffic: %1</source>
        <translation>无法为演示流量签发密钥：%1</translation>
    </message>
    <message>
        <source>It adds two teams, APIs with different cache policies on the built-in demo origin, plans, two applications with keys, and one subscription waiting for approval. The traffic generator gets a key for the demo APIs. A catalog that already has APIs of its own is left as it is; a demo workspace left half made is completed.</source>
        <translation>它会添加两个团队、基于内置演示源站且缓存策略各不相同的 API、套餐、两个带密钥的应用，以及一个等待审批的订阅。流量生成器会获得演示 API 的密钥。已有自己 API 的目录保持不变；创建到一半的演示工作区会被补全。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayPage</name>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>重启(&amp;R)</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1 or 0.0.0.0</source>
        <translation>例如 127.0.0.1 或 0.0.0.0</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>One per core (%1)</source>
        <translation>每个核心一个 (%1)</translation>
    </message>
    <message>
        <source>Listening on:</source>
        <translation>正在监听：</translation>
    </message>
    <message>
        <source>Demo origin:</source>
        <translation>演示源站：</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>试试：</translation>
    </message>
    <message>
        <source>Since start</source>
        <translation>自启动以来</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>已接收：</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>已发送：</translation>
    </message>
    <message>
        <source>Upstream errors:</source>
        <translation>上游错误：</translation>
    </message>
    <message>
        <source>Upstream health</source>
        <translation>上游健康状况</translation>
    </message>
    <message>
        <source>Enter a listen address, for example 127.0.0.1.</source>
        <translation>请输入监听地址，例如 127.0.0.1。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopping (draining requests)…</source>
        <translation>正在停止（等待请求完成）…</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>No upstream targets reported yet.</source>
        <translation>尚未报告上游目标。</translation>
    </message>
    <message>
        <source>%1 of %2 targets healthy</source>
        <translation>%2 个目标中 %1 个健康</translation>
    </message>
    <message>
        <source>Upstream health is checked while the gateway runs.</source>
        <translation>网关运行时才会检查上游健康状况。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copy the admin API&apos;s bearer token to the clipboard</source>
        <translation>将管理 API 的 Bearer 令牌复制到剪贴板</translation>
    </message>
    <message>
        <source>Admin API:</source>
        <translation>管理 API：</translation>
    </message>
    <message>
        <source>The admin API token could not be read from %1.</source>
        <translation>无法从 %1 读取管理 API 令牌。</translation>
    </message>
    <message>
        <source>The admin API token file %1 is empty.</source>
        <translation>管理 API 令牌文件 %1 为空。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>e.g. 30s, 5m, 0 = off</source>
        <translation>例如 30s、5m，0 = 关闭</translation>
    </message>
    <message>
        <source>Off: host names are looked up when a configuration is applied.</source>
        <translation>关闭：仅在应用配置时解析主机名。</translation>
    </message>
    <message>
        <source>Not a duration: enter e.g. 30s, 5m or 1h, or 0 to turn it off.</source>
        <translation>不是有效的时长：请输入例如 30s、5m 或 1h，或输入 0 关闭。</translation>
    </message>
    <message>
        <source>Must be 0 (off) or from 1s to 24h.</source>
        <translation>必须为 0（关闭）或 1s 到 24h。</translation>
    </message>
    <message>
        <source>&amp;Listen address:</source>
        <translation>监听地址(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>工作线程(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;DNS refresh:</source>
        <translation>DNS 刷新(&amp;D)：</translation>
    </message>
    <message>
        <source>Copy To&amp;ken</source>
        <translation>复制令牌(&amp;K)</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>%1 (%2) needs an API key: &lt;a href=&quot;%3&quot;&gt;try it in the catalog&lt;/a&gt;</source>
        <translation>%1（%2）需要 API 密钥：&lt;a href=&quot;%3&quot;&gt;在目录中试用&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1 (%2) needs an API key.</source>
        <translation>%1（%2）需要 API 密钥。</translation>
    </message>
    <message>
        <source>The other routed APIs: open one in the browser, or try one that needs an API key in the catalog</source>
        <translation>其他已路由的 API：在浏览器中打开，或在目录中试用需要 API 密钥的 API</translation>
    </message>
    <message>
        <source>At most this long between lookups of an upstream host name, sooner when its DNS TTL runs out (1s at the least). 0 (off) or from 1s to 24h. Applies to the running gateway at once.</source>
        <translation>两次解析上游主机名之间的最长间隔；DNS TTL 到期时会更早解析（至少 1s）。0（关闭）或 1s 到 24h。立即应用于正在运行的网关。</translation>
    </message>
    <message>
        <source>%1 (%2) needs an API key: try it in the catalog</source>
        <translation>%1（%2）需要 API 密钥：请在目录中试用</translation>
    </message>
    <message numerus="yes">
        <source>%n more…</source>
        <translation>
            <numerusform>另外 %n 个…</numerusform>
        </translation>
    </message>
    <message>
        <source>Looked up again when the DNS TTL ends, at least every %1.</source>
        <translation>DNS TTL 到期时重新解析，至少每 %1 一次。</translation>
    </message>
    <message>
        <source>Refused connections:</source>
        <translation>拒绝的连接：</translation>
    </message>
    <message>
        <source>Connections closed before a request, unanswered: %1 failed or missing TLS handshakes, %2 without a valid PROXY protocol header</source>
        <translation>在请求之前未作应答即关闭的连接：%1 个 TLS 握手失败或缺失，%2 个没有有效的 PROXY 协议头</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IssueKeyDialog</name>
    <message>
        <source>Issue API Key</source>
        <translation>签发 API 密钥</translation>
    </message>
    <message>
        <source>A new key for %1. It is shown once, right after it is issued.</source>
        <translation>%1 的新密钥。签发后仅显示一次。</translation>
    </message>
    <message>
        <source>Optional, e.g. CI or production</source>
        <translation>可选，例如 CI 或生产</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Expires at the end of</source>
        <translation>过期于该日结束(&amp;E)</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>过期：</translation>
    </message>
    <message>
        <source>Issue Key</source>
        <translation>签发密钥</translation>
    </message>
    <message>
        <source>Choose today or a later date.</source>
        <translation>请选择今天或之后的日期。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::KeyRevealDialog</name>
    <message>
        <source>New API Key</source>
        <translation>新 API 密钥</translation>
    </message>
    <message>
        <source>The new key of %1:</source>
        <translation>%1 的新密钥：</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the key to the clipboard</source>
        <translation>将密钥复制到剪贴板</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy the key now: it will not be shown again.&lt;/b&gt; Gatehouse keeps only a fingerprint of it. If the key is lost, issue a new one and revoke this one.</source>
        <translation>&lt;b&gt;请立即复制密钥：它不会再次显示。&lt;/b&gt;Gatehouse 只保存其指纹。如果密钥丢失，请签发新密钥并撤销此密钥。</translation>
    </message>
    <message>
        <source>Clients send it in the &lt;code&gt;X-API-Key&lt;/code&gt; header.</source>
        <translation>客户端通过 &lt;code&gt;X-API-Key&lt;/code&gt; 请求头发送它。</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Until you quit the console, Try It in the Catalog can send requests with this key.</source>
        <translation>在退出控制台之前，目录中的“试用”可以使用此密钥发送请求。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::LifecycleDialog</name>
    <message>
        <source>Publish API</source>
        <translation>发布 API</translation>
    </message>
    <message>
        <source>Deprecate API</source>
        <translation>弃用 API</translation>
    </message>
    <message>
        <source>Retire API</source>
        <translation>停用 API</translation>
    </message>
    <message>
        <source>Delete Draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>New Version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Publish %1? The gateway starts routing %2 at once, and applications can subscribe to its plans. A published API is not changed back into a draft: it is deprecated and retired instead.</source>
        <translation>发布 %1？网关将立即开始路由 %2，应用可以订阅其套餐。已发布的 API 不能改回草稿，只能弃用并停用。</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Deprecate %1? Calls keep working until it is retired, but every response carries a Deprecation header and a Sunset header with the date below, and a Link to the successor if you name one.</source>
        <translation>弃用 %1？在停用之前调用仍然有效，但每个响应都会带有 Deprecation 头和含下方日期的 Sunset 头；如指定了后继版本，还会带有指向它的 Link 头。</translation>
    </message>
    <message>
        <source>&amp;Sunset date:</source>
        <translation>下线日期(&amp;S)：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>Su&amp;ccessor:</source>
        <translation>后继版本(&amp;C)：</translation>
    </message>
    <message>
        <source>Deprecate</source>
        <translation>弃用</translation>
    </message>
    <message>
        <source>Retire %1? Every call to %2 is answered with 410 Gone from now on, whatever the key. Retiring is final.</source>
        <translation>停用 %1？从现在起，对 %2 的每次调用无论使用何种密钥都将得到 410 Gone。停用不可撤销。</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Delete the draft %1 with its routes, upstream targets and plans? This cannot be undone.</source>
        <translation>删除草稿 %1 及其路由、上游目标和套餐？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Create Version</source>
        <translation>创建版本</translation>
    </message>
    <message>
        <source>Optional, kept in the audit log</source>
        <translation>可选，记录在审计日志中</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Enter a version, for example v2.</source>
        <translation>请输入版本，例如 v2。</translation>
    </message>
    <message>
        <source>Version %1 already exists.</source>
        <translation>版本 %1 已存在。</translation>
    </message>
    <message>
        <source>Where the gateway serves the new version. It must not overlap the base path of another API, this one included.</source>
        <translation>网关提供新版本的位置。它不得与其他 API（包括本 API）的基础路径重叠。</translation>
    </message>
    <message>
        <source>&amp;Base path:</source>
        <translation>基础路径(&amp;B)：</translation>
    </message>
    <message>
        <source>Enter a base path, for example %1.</source>
        <translation>请输入基础路径，例如 %1。</translation>
    </message>
    <message>
        <source>The base path must start with &apos;/&apos;.</source>
        <translation>基础路径必须以“/”开头。</translation>
    </message>
    <message>
        <source>%1 is the base path of %2 %3: the new version needs its own.</source>
        <translation>%1 是 %2 %3 的基础路径：新版本需要自己的基础路径。</translation>
    </message>
    <message>
        <source>Create a new version of %1: a draft copy of its routes, targets and cache policy, linked to it as its successor. It gets the base path below, which no other API may overlap; the gateway serves it there once it is published.</source>
        <translation>创建 %1 的新版本：复制其路由、目标和缓存策略作为草稿，并作为其后继版本与之关联。新版本使用下方的基础路径，该路径不得与其他 API 重叠；发布后网关在此路径上提供服务。</translation>
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
        <translation>页面</translation>
    </message>
    <message>
        <source>Browse every API your teams publish: versions, owners, lifecycle and documentation, in one searchable catalog.</source>
        <translation>浏览团队发布的所有 API：版本、负责人、生命周期和文档，尽在一个可搜索的目录中。</translation>
    </message>
    <message>
        <source>Register the applications that call your APIs, manage their keys and see what each one subscribes to.</source>
        <translation>注册调用您 API 的应用，管理其密钥，并查看每个应用订阅的内容。</translation>
    </message>
    <message>
        <source>Review subscription requests and approve or reject them, with a record of who decided what and when.</source>
        <translation>审核订阅申请并批准或拒绝，并记录谁在何时做出了什么决定。</translation>
    </message>
    <message>
        <source>Organise people into teams with roles, so each team manages its own APIs and applications.</source>
        <translation>将人员按角色组织成团队，让每个团队管理自己的 API 和应用。</translation>
    </message>
    <message>
        <source>Search and inspect individual API calls: method, path, status, latency, cache outcome and the calling application.</source>
        <translation>搜索并检查单个 API 调用：方法、路径、状态、延迟、缓存结果以及调用方应用。</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>网关(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Start Gateway</source>
        <translation>启动网关(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top Gateway</source>
        <translation>停止网关(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Restart Gateway</source>
        <translation>重启网关(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>关于 Gatehouse(&amp;A)</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>关于 Gatehouse</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;An API management console with an embedded API gateway.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;内置 API 网关的 API 管理控制台。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Call Logs</source>
        <translation>调用日志</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Gateway stopped</source>
        <translation>网关已停止</translation>
    </message>
    <message>
        <source>Gateway starting…</source>
        <translation>网关正在启动…</translation>
    </message>
    <message>
        <source>Gateway running</source>
        <translation>网关运行中</translation>
    </message>
    <message>
        <source>Gateway stopping…</source>
        <translation>网关正在停止…</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>Gateway started on %1.</source>
        <translation>网关已在 %1 上启动。</translation>
    </message>
    <message>
        <source>Gateway stopped.</source>
        <translation>网关已停止。</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 请求/秒</translation>
    </message>
    <message>
        <source>Hit ratio: %1</source>
        <translation>命中率：%1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Call logging is off: the telemetry database could not be opened (%1).</source>
        <translation>调用日志已关闭：无法打开遥测数据库（%1）。</translation>
    </message>
    <message>
        <source>Demo Traffic</source>
        <translation>演示流量</translation>
    </message>
    <message>
        <source>Demo &amp;Traffic</source>
        <translation>演示流量(&amp;T)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Subscription requests waiting for a decision: %1</source>
        <translation>等待决定的订阅申请：%1</translation>
    </message>
    <message>
        <source>Viewing as %1 (%2): a demo of what this role sees and may do. Switch back under Teams &gt; View as.</source>
        <translation>正在以 %1（%2）身份查看：演示该角色能看到和能做的内容。可在“团队 &gt; 查看身份”中切换回来。</translation>
    </message>
    <message>
        <source>The catalog is applied with warnings: %1</source>
        <translation>目录已应用，但有警告：%1</translation>
    </message>
    <message>
        <source>The other Gatehouse writing the call logs has stopped: this instance now records its calls.</source>
        <translation>另一个写入调用日志的 Gatehouse 已停止：此实例现在记录自己的调用。</translation>
    </message>
    <message>
        <source>This page is unavailable: the catalog is not open.</source>
        <translation>此页面不可用：目录未打开。</translation>
    </message>
    <message>
        <source>This page is unavailable. The catalog could not be opened: %1</source>
        <translation>此页面不可用。无法打开目录：%1</translation>
    </message>
    <message>
        <source>This page is unavailable: the call log is not open.</source>
        <translation>此页面不可用：调用日志未打开。</translation>
    </message>
    <message>
        <source>This page is unavailable. The call log could not be opened: %1</source>
        <translation>此页面不可用。无法打开调用日志：%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::NewApplicationDialog</name>
    <message>
        <source>New Application</source>
        <translation>新建应用</translation>
    </message>
    <message>
        <source>An application calls APIs with its own keys and subscriptions.</source>
        <translation>应用使用自己的密钥和订阅调用 API。</translation>
    </message>
    <message>
        <source>e.g. Mobile shop</source>
        <translation>例如：移动商店</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>我（%1）</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>团队 %1</translation>
    </message>
    <message>
        <source>A team&apos;s applications are managed by every member of the team.</source>
        <translation>团队的应用由团队的每位成员管理。</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>所有者(&amp;O)：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Enter a name for the application.</source>
        <translation>请输入应用名称。</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>最多使用 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::OpenApiImportDialog</name>
    <message>
        <source>Import OpenAPI</source>
        <translation>导入 OpenAPI</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Choose &amp;File...</source>
        <translation>选择文件(&amp;F)...</translation>
    </message>
    <message>
        <source>or paste a YAML or JSON document below</source>
        <translation>或在下方粘贴 YAML 或 JSON 文档</translation>
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
        <translation>预览</translation>
    </message>
    <message>
        <source>Nothing to import yet.</source>
        <translation>尚无可导入的内容。</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>&amp;Owning team:</source>
        <translation>所属团队(&amp;O)：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <source>Choose an OpenAPI Document</source>
        <translation>选择 OpenAPI 文档</translation>
    </message>
    <message>
        <source>OpenAPI documents (*.yaml *.yml *.json)</source>
        <translation>OpenAPI 文档 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>正在读取 %1...</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Reading the document...</source>
        <translation>正在读取文档...</translation>
    </message>
    <message>
        <source>pasted</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>none (add one before publishing)</source>
        <translation>无（发布前请添加）</translation>
    </message>
    <message>
        <source>The document cannot be imported:</source>
        <translation>该文档无法导入：</translation>
    </message>
    <message>
        <source>Operations found: %1</source>
        <translation>找到的操作：%1</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>You may not publish APIs for any team.</source>
        <translation>您无权为任何团队发布 API。</translation>
    </message>
    <message>
        <source>The catalog is not available.</source>
        <translation>目录不可用。</translation>
    </message>
    <message>
        <source>the document&apos;s title</source>
        <translation>文档标题</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>The API&apos;s short name in URLs: a-z, 0-9 and &apos;-&apos;. All versions of an API share it.</source>
        <translation>API 在 URL 中的短名称：a-z、0-9 和 &apos;-&apos;。同一 API 的所有版本共用它。</translation>
    </message>
    <message>
        <source>S&amp;lug:</source>
        <translation>短名称(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Import it as another version of the same API</source>
        <translation>作为同一 API 的另一个版本导入</translation>
    </message>
    <message>
        <source>Import it as an API of its own</source>
        <translation>作为独立的 API 导入</translation>
    </message>
    <message>
        <source>%1 %2 is already in the catalog. Import this document as another version, or as an API of its own:</source>
        <translation>%1 %2 已在目录中。请将此文档作为另一个版本导入，或作为独立的 API 导入：</translation>
    </message>
    <message>
        <source>&amp;Use version %1</source>
        <translation>使用版本 %1(&amp;U)</translation>
    </message>
    <message>
        <source>Use &amp;slug %1</source>
        <translation>使用短名称 %1(&amp;S)</translation>
    </message>
    <message>
        <source>Where the gateway serves the API, e.g. /billing/v1. It must not overlap another API&apos;s base path.</source>
        <translation>网关提供此 API 的位置，例如 /billing/v1。不得与其他 API 的基础路径重叠。</translation>
    </message>
    <message>
        <source>&amp;Base path:</source>
        <translation>基础路径(&amp;B)：</translation>
    </message>
    <message>
        <source>Import it under a base path no other API uses</source>
        <translation>以其他 API 都未使用的基础路径导入</translation>
    </message>
    <message>
        <source>Use &amp;path %1</source>
        <translation>使用路径 %1(&amp;P)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RankingBarChart</name>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>导出为 PNG</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1.</source>
        <translation>无法将图表保存到 %1。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ReasonDialog</name>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestSubscriptionDialog</name>
    <message>
        <source>Request Subscription</source>
        <translation>申请订阅</translation>
    </message>
    <message>
        <source>Which API should %1 call, and on which plan?</source>
        <translation>%1 应调用哪个 API，使用哪个套餐？</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>API(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>套餐(&amp;P)：</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Cannot read the catalog: %1</source>
        <translation>无法读取目录：%1</translation>
    </message>
    <message>
        <source>No published API with a plan is visible to you yet.</source>
        <translation>目前没有对您可见且带套餐的已发布 API。</translation>
    </message>
    <message>
        <source>Approved at once: the application&apos;s keys work right away.</source>
        <translation>立即批准：应用的密钥马上可用。</translation>
    </message>
    <message>
        <source>Needs an approval: the subscription waits until an approver decides.</source>
        <translation>需要审批：订阅将等待审批人决定。</translation>
    </message>
    <message>
        <source>Rate limit: %1 requests a minute.</source>
        <translation>速率限制：每分钟 %1 个请求。</translation>
    </message>
    <message>
        <source>Quota: %1 requests a month.</source>
        <translation>配额：每月 %1 个请求。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SettingsPage</name>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Gateway defaults</source>
        <translation>网关默认设置</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>One per core (%1)</source>
        <translation>每个核心一个 (%1)</translation>
    </message>
    <message>
        <source>Used when Gatehouse starts, unless a configuration file or the command line says otherwise. To change the running gateway, use the Gateway page.</source>
        <translation>Gatehouse 启动时使用，除非配置文件或命令行另有指定。要更改正在运行的网关，请使用“网关”页面。</translation>
    </message>
    <message>
        <source>Restart Gatehouse to use the new language.</source>
        <translation>重新启动 Gatehouse 以使用新语言。</translation>
    </message>
    <message>
        <source>The interface language changes the next time Gatehouse starts.</source>
        <translation>界面语言将在 Gatehouse 下次启动时更改。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>监听地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>工作线程(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SignInDialog</name>
    <message>
        <source>Sign In to Gatehouse</source>
        <translation>登录 Gatehouse</translation>
    </message>
    <message>
        <source>This catalog is shared: sign in with your account.
%1</source>
        <translation>此目录为共享目录：请使用您的帐户登录。
%1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cannot sign in: %1</source>
        <translation>无法登录：%1</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>重复密码(&amp;E)：</translation>
    </message>
    <message>
        <source>Create the First Administrator</source>
        <translation>创建第一位管理员</translation>
    </message>
    <message>
        <source>This shared catalog has no users yet. Choose the name and password of its first administrator, who can then invite everyone else.</source>
        <translation>此共享目录尚无用户。请为第一位管理员设置名称和密码，之后由其邀请其他所有人。</translation>
    </message>
    <message>
        <source>Create and Sign In</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Cannot create the administrator: %1</source>
        <translation>无法创建管理员：%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SubscriptionsModel</name>
    <message>
        <source>Approval: %1</source>
        <translation>审批：%1</translation>
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
        <translation>套餐</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TargetHealthModel</name>
    <message>
        <source>%1 requests, %2 failed</source>
        <translation>%1 个请求，%2 个失败</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>不健康</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Consecutive failures</source>
        <translation>连续失败</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>活动连接</translation>
    </message>
    <message>
        <source>Last latency</source>
        <translation>最近延迟</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>无法解析</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>DNS refresh failed: %1 (still using the last addresses)</source>
        <translation>DNS 刷新失败：%1（仍使用上次的地址）</translation>
    </message>
    <message>
        <source>Upstream %1</source>
        <translation>上游 %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TeamsPage</name>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Organisation role</source>
        <translation>组织角色</translation>
    </message>
    <message>
        <source>Team role</source>
        <translation>团队角色</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Demo: see and act with the permissions of a user with this role</source>
        <translation>演示：以该角色用户的权限查看和操作</translation>
    </message>
    <message>
        <source>&amp;Teams</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>Teams are unavailable: the catalog is not open, or your account has no access to it.</source>
        <translation>团队不可用：目录未打开，或您的帐户无权访问。</translation>
    </message>
    <message>
        <source>&amp;New Team…</source>
        <translation>新建团队(&amp;N)…</translation>
    </message>
    <message>
        <source>Members of the selected team</source>
        <translation>所选团队的成员</translation>
    </message>
    <message>
        <source>&amp;Add Member…</source>
        <translation>添加成员(&amp;A)…</translation>
    </message>
    <message>
        <source>Team &amp;role:</source>
        <translation>团队角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Change the selected member&apos;s role in this team</source>
        <translation>更改所选成员在此团队中的角色</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected member from this team</source>
        <translation>从此团队中移除所选成员</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>&amp;Invite User…</source>
        <translation>邀请用户(&amp;I)…</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <source>Change the selected user&apos;s organisation role</source>
        <translation>更改所选用户的组织角色</translation>
    </message>
    <message>
        <source>Cannot view as this role: %1</source>
        <translation>无法以此角色查看：%1</translation>
    </message>
    <message>
        <source>Cannot read the teams: %1</source>
        <translation>无法读取团队：%1</translation>
    </message>
    <message>
        <source>This computer&apos;s account</source>
        <translation>本机帐户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>No password yet</source>
        <translation>尚无密码</translation>
    </message>
    <message>
        <source>Select a team to see its members.</source>
        <translation>选择一个团队以查看其成员。</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>%1 的成员</translation>
    </message>
    <message>
        <source>New Team</source>
        <translation>新建团队</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Add Member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Invite User</source>
        <translation>邀请用户</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>e.g. maya or maya@example.com</source>
        <translation>例如 maya 或 maya@example.com</translation>
    </message>
    <message>
        <source>empty: cannot sign in yet</source>
        <translation>留空：暂时无法登录</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>初始密码(&amp;P)：</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>重复密码(&amp;E)：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Vie&amp;w as:</source>
        <translation>查看身份(&amp;W)：</translation>
    </message>
    <message>
        <source>Au&amp;dit Log</source>
        <translation>审计日志(&amp;D)</translation>
    </message>
    <message>
        <source>Create a team (%1)</source>
        <translation>创建团队（%1）</translation>
    </message>
    <message>
        <source>Create an account in this catalog (%1)</source>
        <translation>在此目录中创建帐户（%1）</translation>
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
        <translation>遥测未运行。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TimeSeriesChart</name>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>导出为 PNG</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1.</source>
        <translation>无法将图表保存到 %1。</translation>
    </message>
    <message>
        <source>%1
%2: %3%4</source>
        <translation>%1
%2：%3%4</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TrafficPanel</name>
    <message>
        <source>/shop/1 ... /shop/200: cacheable product pages</source>
        <translation>/shop/1 ... /shop/200:可缓存的商品页</translation>
    </message>
    <message>
        <source>/weather/{city}: short-lived forecasts</source>
        <translation>/weather/{city}:短时效的天气预报</translation>
    </message>
    <message>
        <source>/echo: never cached</source>
        <translation>/echo:从不缓存</translation>
    </message>
    <message>
        <source>Start &amp;traffic</source>
        <translation>开始流量(&amp;T)</translation>
    </message>
    <message>
        <source>Send demo requests through the running gateway</source>
        <translation>通过正在运行的网关发送演示请求</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Ignore the rate and keep every connection busy</source>
        <translation>忽略速率,让每个连接保持繁忙</translation>
    </message>
    <message>
        <source> connections</source>
        <translation> 个连接</translation>
    </message>
    <message>
        <source>Zipf α of the URL choice: 0 is uniform; higher values concentrate traffic on a few hot URLs, which the cache loves</source>
        <translation>URL 选择的 Zipf α:0 为均匀分布;值越大,流量越集中在少数热点 URL 上,缓存效果越好</translation>
    </message>
    <message>
        <source>%1 share:</source>
        <translation>%1 占比:</translation>
    </message>
    <message>
        <source>None (open APIs only)</source>
        <translation>无(仅开放 API)</translation>
    </message>
    <message>
        <source>Sent as X-API-Key with every request</source>
        <translation>随每个请求以 X-API-Key 发送</translation>
    </message>
    <message>
        <source>Demo origin</source>
        <translation>演示源站</translation>
    </message>
    <message>
        <source>Share of the demo origin&apos;s responses that become 500</source>
        <translation>演示源站返回 500 的响应比例</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Extra time the demo origin takes per response</source>
        <translation>演示源站每个响应额外耗费的时间</translation>
    </message>
    <message>
        <source>Only for the built-in demo origin</source>
        <translation>仅适用于内置演示源站</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>实际结果</translation>
    </message>
    <message>
        <source>Throughput:</source>
        <translation>吞吐量:</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>延迟:</translation>
    </message>
    <message>
        <source>Responses:</source>
        <translation>响应:</translation>
    </message>
    <message>
        <source>Failures:</source>
        <translation>失败:</translation>
    </message>
    <message>
        <source>Since start:</source>
        <translation>自启动以来:</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Target requests per second (logarithmic)</source>
        <translation>目标每秒请求数(对数刻度)</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> 请求/秒</translation>
    </message>
    <message>
        <source>Give at least one API a share of the traffic.</source>
        <translation>请至少为一个 API 分配流量占比。</translation>
    </message>
    <message>
        <source>Start the gateway first: the traffic goes through it.</source>
        <translation>请先启动网关:流量要经过它。</translation>
    </message>
    <message>
        <source>%1 of %2 requests/s</source>
        <translation>%1 / %2 请求/秒</translation>
    </message>
    <message>
        <source>%1 requests/s (unpaced)</source>
        <translation>%1 请求/秒(不限速)</translation>
    </message>
    <message>
        <source>p50 %1 ms · p90 %2 ms · p99 %3 ms</source>
        <translation>p50 %1 毫秒 · p90 %2 毫秒 · p99 %3 毫秒</translation>
    </message>
    <message>
        <source>2xx %1 · 3xx %2 · 4xx %3 · 5xx %4</source>
        <translation>2xx %1 · 3xx %2 · 4xx %3 · 5xx %4</translation>
    </message>
    <message>
        <source>%1 connection errors · %2 I/O errors</source>
        <translation>%1 个连接错误 · %2 个 I/O 错误</translation>
    </message>
    <message>
        <source>%1 sent · %2 completed in %3 s</source>
        <translation>已发送 %1 · 已完成 %2,用时 %3 秒</translation>
    </message>
    <message>
        <source>Sending to http://127.0.0.1:%1</source>
        <translation>正在发送到 http://127.0.0.1:%1</translation>
    </message>
    <message>
        <source>Stopped. Start to send demo requests through the gateway.</source>
        <translation>已停止。开始后将通过网关发送演示请求。</translation>
    </message>
    <message>
        <source>The gateway is not running.</source>
        <translation>网关未运行。</translation>
    </message>
    <message>
        <source>/v2/products/{id} and search: cached; needs the API key</source>
        <translation>/v2/products/{id} 和搜索：已缓存；需要 API 密钥</translation>
    </message>
    <message>
        <source>/v1/products/{id}: answers with Deprecation and Sunset headers; needs the API key</source>
        <translation>/v1/products/{id}：响应带有 Deprecation 和 Sunset 头；需要 API 密钥</translation>
    </message>
    <message>
        <source>/v1/weather/{city}: short TTL, stale-while-revalidate; needs the API key</source>
        <translation>/v1/weather/{city}：短 TTL，stale-while-revalidate；需要 API 密钥</translation>
    </message>
    <message>
        <source>/v1/echo/{word}: open to everyone, never cached</source>
        <translation>/v1/echo/{word}：对所有人开放，从不缓存</translation>
    </message>
    <message>
        <source>/v1/inventory/items: a draft; only its own team&apos;s keys get through, so the demo key is refused with 403</source>
        <translation>/v1/inventory/items：草稿；只有其所属团队的密钥才能通过，因此演示密钥会被 403 拒绝</translation>
    </message>
    <message>
        <source>Mix of APIs</source>
        <translation>API 组合</translation>
    </message>
    <message>
        <source>Open demo routes</source>
        <translation>开放的演示路由</translation>
    </message>
    <message>
        <source>Demo catalog APIs</source>
        <translation>演示目录 API</translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation>商品(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Weather</source>
        <translation>天气(&amp;W)</translation>
    </message>
    <message>
        <source>E&amp;cho</source>
        <translation>回显(&amp;C)</translation>
    </message>
    <message>
        <source>Prod&amp;ucts v2</source>
        <translation>Products v2(&amp;U)</translation>
    </message>
    <message>
        <source>Products v1 (&amp;deprecated)</source>
        <translation>Products v1（已弃用）(&amp;D)</translation>
    </message>
    <message>
        <source>W&amp;eather v1</source>
        <translation>Weather v1(&amp;E)</translation>
    </message>
    <message>
        <source>Ech&amp;o v1</source>
        <translation>Echo v1(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Inventory (draft)</source>
        <translation>Inventory（草稿）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>速率(&amp;R)：</translation>
    </message>
    <message>
        <source>As &amp;fast as possible</source>
        <translation>尽可能快(&amp;F)</translation>
    </message>
    <message>
        <source>Co&amp;ncurrency:</source>
        <translation>并发数(&amp;N)：</translation>
    </message>
    <message>
        <source>Key skew (&amp;Zipf α):</source>
        <translation>键倾斜度（Zipf α）(&amp;Z)：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>In&amp;jected errors:</source>
        <translation>注入错误(&amp;J)：</translation>
    </message>
    <message>
        <source>Extra &amp;latency:</source>
        <translation>额外延迟(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TryItKeyChooser</name>
    <message>
        <source>Whose key the request carries</source>
        <translation>请求携带谁的密钥</translation>
    </message>
    <message>
        <source>Issue a &amp;Test Key</source>
        <translation>签发测试密钥(&amp;T)</translation>
    </message>
    <message>
        <source>Issue a key for the chosen application that expires in one hour, and use it here</source>
        <translation>为所选应用签发一个一小时后过期的密钥，并在此处使用</translation>
    </message>
    <message>
        <source>Paste an API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>显示或隐藏密钥</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>%1 (plan %2)</source>
        <translation>%1（套餐 %2）</translation>
    </message>
    <message>
        <source>Paste a key…</source>
        <translation>粘贴密钥…</translation>
    </message>
    <message>
        <source>None (open API)</source>
        <translation>无（开放 API）</translation>
    </message>
    <message>
        <source>%1 (subscription suspended)</source>
        <translation>%1（订阅已暂停）</translation>
    </message>
    <message>
        <source>%1 (subscription pending approval)</source>
        <translation>%1（订阅待审批）</translation>
    </message>
    <message>
        <source>Your applications could not be read: %1</source>
        <translation>无法读取您的应用：%1</translation>
    </message>
    <message>
        <source>Not listed: %1. Only applications with an approved subscription to this API can call it.</source>
        <translation>未列出：%1。只有已获批订阅此 API 的应用才能调用它。</translation>
    </message>
    <message>
        <source>None of your applications has an approved subscription to this API: request one on the Applications page.</source>
        <translation>您的应用都没有已获批的此 API 订阅：请在“应用”页面申请。</translation>
    </message>
    <message>
        <source>%1 has no key in this session, so nothing was sent. Issue a test key, paste a key, or choose None to send the request without one.</source>
        <translation>%1 在本次会话中没有密钥，因此未发送任何内容。请签发测试密钥、粘贴密钥，或选择“无”以不带密钥发送请求。</translation>
    </message>
    <message>
        <source>Keys are shown only once, when issued, and the catalog keeps only their hashes: Try It can use the keys issued in this console since it started, and never saves them.</source>
        <translation>密钥仅在签发时显示一次，目录只保存其哈希值：“试用”可以使用本控制台启动以来签发的密钥，且从不保存它们。</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>%1 过期</translation>
    </message>
    <message>
        <source>“%1”, </source>
        <translation>“%1”，</translation>
    </message>
    <message>
        <source>Sends the key %1 of %2 (%3%4) as X-API-Key.</source>
        <translation>将 %2 的密钥 %1（%3%4）作为 X-API-Key 发送。</translation>
    </message>
    <message>
        <source>The key %1 of %2 was revoked or has expired.</source>
        <translation>%2 的密钥 %1 已被吊销或已过期。</translation>
    </message>
    <message>
        <source>%1 has no key from this session. Issue a test key (valid for one hour), or paste a key you kept.</source>
        <translation>%1 没有本次会话的密钥。请签发测试密钥（有效期一小时），或粘贴您保存的密钥。</translation>
    </message>
    <message>
        <source>The pasted key is sent as X-API-Key and never stored.</source>
        <translation>粘贴的密钥作为 X-API-Key 发送，且从不保存。</translation>
    </message>
    <message>
        <source>Or choose one of your applications above: Try It can issue it a test key.</source>
        <translation>或在上方选择您的某个应用：“试用”可以为其签发测试密钥。</translation>
    </message>
    <message>
        <source>No key is sent: this API is open.</source>
        <translation>不发送密钥：此 API 是开放的。</translation>
    </message>
    <message>
        <source>No key is sent: the gateway refuses the request (401), as it would any client without a key.</source>
        <translation>不发送密钥：网关会拒绝该请求（401），与对待任何没有密钥的客户端一样。</translation>
    </message>
    <message>
        <source>Try it (console)</source>
        <translation>试用（控制台）</translation>
    </message>
    <message>
        <source>No test key was issued for %1. %2</source>
        <translation>未为 %1 签发测试密钥。%2</translation>
    </message>
    <message>
        <source>Sends the key %1 of %2 (%3%4) in the query parameter &quot;%5&quot;.</source>
        <translation>在查询参数“%5”中发送 %2 的密钥 %1（%3%4）。</translation>
    </message>
    <message>
        <source>The pasted key is sent in the query parameter &quot;%1&quot; and never stored.</source>
        <translation>粘贴的密钥在查询参数“%1”中发送，从不存储。</translation>
    </message>
    <message>
        <source>Appli&amp;cation:</source>
        <translation>应用(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TryItPanel</name>
    <message>
        <source>/path?query</source>
        <translation>/路径?查询</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>请求(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send &amp;Again</source>
        <translation>再次发送(&amp;A)</translation>
    </message>
    <message>
        <source>Repeat the request: a cacheable answer now comes from the gateway&apos;s cache</source>
        <translation>重复请求：可缓存的响应这次将来自网关缓存</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>头字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The response body appears here.</source>
        <translation>响应体将显示在这里。</translation>
    </message>
    <message>
        <source>Send the request through the gateway at %1</source>
        <translation>通过 %1 上的网关发送请求</translation>
    </message>
    <message>
        <source>The gateway is not running</source>
        <translation>网关未运行</translation>
    </message>
    <message>
        <source>The gateway is not running: start it (Gateway &gt; Start) and send again.</source>
        <translation>网关未运行：请先启动它（网关 &gt; 启动），然后重新发送。</translation>
    </message>
    <message>
        <source>%1 is not a valid path.</source>
        <translation>%1 不是有效路径。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>connection refused (is the gateway still running?)</source>
        <translation>连接被拒绝（网关是否仍在运行？）</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内无响应</translation>
    </message>
    <message>
        <source>No answer from the gateway at %1: %2</source>
        <translation>%1 上的网关无响应：%2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Cache: hit</source>
        <translation>缓存：命中</translation>
    </message>
    <message>
        <source>Cache: stale, revalidated</source>
        <translation>缓存：已过期，已重新验证</translation>
    </message>
    <message>
        <source>Cache: bypassed</source>
        <translation>缓存：已绕过</translation>
    </message>
    <message>
        <source>Cache: miss</source>
        <translation>缓存：未命中</translation>
    </message>
    <message>
        <source>Cache: not cached</source>
        <translation>缓存：未缓存</translation>
    </message>
    <message>
        <source>, age %1 s</source>
        <translation>，存在 %1 秒</translation>
    </message>
    <message>
        <source>… (%1 bytes in all)</source>
        <translation>…（共 %1 字节）</translation>
    </message>
    <message>
        <source>Where the request carries the API key. This API also takes it in a query parameter, for clients that cannot set headers.</source>
        <translation>请求携带 API 密钥的位置。此 API 也接受查询参数中的密钥，供无法设置请求头的客户端使用。</translation>
    </message>
    <message>
        <source>Send &amp;key:</source>
        <translation>发送密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>In the X-API-Key header</source>
        <translation>在 X-API-Key 请求头中</translation>
    </message>
    <message>
        <source>In the query parameter &quot;%1&quot;</source>
        <translation>在查询参数“%1”中</translation>
    </message>
    <message>
        <source>URL: %1</source>
        <translation>URL：%1</translation>
    </message>
</context>
</TS>
