namespace Harmony.Core.Rdf.Vocabulary;

/// <summary>Properties (predicates) of the Harmony vocabulary; see <see cref="HarmonyVocabulary"/>.</summary>
public static class HarmonyProperties
{
    private static readonly List<VocabularyTerm> Defined = [];

    /// <summary><c>harmony:name</c>: display name of a community, category, channel, role or member.</summary>
    public static Iri Name { get; } = Define("name", "xsd:string", "Display name of a community, category, channel, role or member.");

    /// <summary><c>harmony:topic</c>: a channel's topic line.</summary>
    public static Iri Topic { get; } = Define("topic", "xsd:string", "A channel's topic line.");

    /// <summary><c>harmony:position</c>: sort position of a category or channel among its siblings.</summary>
    public static Iri Position { get; } = Define("position", "xsd:integer", "Sort position of a category or channel among its siblings.");

    /// <summary><c>harmony:owner</c>: the DID that controls a community's root capability.</summary>
    public static Iri Owner { get; } = Define("owner", "DID IRI", "The DID that controls a community's root capability.");

    /// <summary><c>harmony:community</c>: the community a category, channel, role or member belongs to.</summary>
    public static Iri Community { get; } = Define("community", "Community", "The community a category, channel, role or member belongs to.");

    /// <summary><c>harmony:category</c>: the category a channel is listed under.</summary>
    public static Iri Category { get; } = Define("category", "Category", "The category a channel is listed under.");

    /// <summary><c>harmony:channel</c>: the channel an envelope or thread belongs to.</summary>
    public static Iri Channel { get; } = Define("channel", "Channel", "The channel an envelope or thread belongs to.");

    /// <summary><c>harmony:member</c>: a membership of a community.</summary>
    public static Iri Member { get; } = Define("member", "Member", "A membership of a community.");

    /// <summary><c>harmony:identity</c>: the DID of a member, author of a device key or instance.</summary>
    public static Iri Identity { get; } = Define("identity", "DID IRI", "The DID of a member, author of a device key or instance.");

    /// <summary><c>harmony:role</c>: a role held by a member.</summary>
    public static Iri Role { get; } = Define("role", "Role", "A role held by a member.");

    /// <summary><c>harmony:joinedAt</c>: when a member joined.</summary>
    public static Iri JoinedAt { get; } = Define("joinedAt", "xsd:dateTime", "When a member joined.");

    /// <summary><c>harmony:createdAt</c>: when a resource or envelope was created (author's claim, UTC).</summary>
    public static Iri CreatedAt { get; } = Define("createdAt", "xsd:dateTime", "When a resource or envelope was created (author's claim, UTC).");

    /// <summary><c>harmony:author</c>: the DID that signed an envelope.</summary>
    public static Iri Author { get; } = Define("author", "DID IRI", "The DID that signed an envelope.");

    /// <summary><c>harmony:lamport</c>: the envelope's Lamport time: display order is (lamport, author, id).</summary>
    public static Iri Lamport { get; } = Define("lamport", "xsd:integer", "The envelope's Lamport time: display order is (lamport, author, id).");

    /// <summary><c>harmony:sequence</c>: the server's arrival sequence number of an envelope in its channel (sync cursor).</summary>
    public static Iri Sequence { get; } = Define("sequence", "xsd:integer", "The server's arrival sequence number of an envelope in its channel (sync cursor).");

    /// <summary><c>harmony:kind</c>: what an envelope does (one of the kind individuals).</summary>
    public static Iri Kind { get; } = Define("kind", "EnvelopeKind", "What an envelope does (one of the kind individuals).");

    /// <summary><c>harmony:target</c>: the envelope an edit, delete or reaction applies to.</summary>
    public static Iri Target { get; } = Define("target", "Envelope", "The envelope an edit, delete or reaction applies to.");

    /// <summary><c>harmony:replyTo</c>: the envelope a message replies to.</summary>
    public static Iri ReplyTo { get; } = Define("replyTo", "Envelope", "The envelope a message replies to.");

    /// <summary><c>harmony:thread</c>: the thread an envelope is posted in.</summary>
    public static Iri Thread { get; } = Define("thread", "Thread", "The thread an envelope is posted in.");

    /// <summary><c>harmony:ciphertext</c>: the MLS PrivateMessage carrying the envelope's encrypted content (standard base64, padded).</summary>
    public static Iri Ciphertext { get; } = Define("ciphertext", "xsd:base64Binary", "The MLS PrivateMessage carrying the envelope's encrypted content (standard base64, padded).");

    /// <summary><c>harmony:epoch</c>: the MLS epoch the ciphertext was encrypted in.</summary>
    public static Iri Epoch { get; } = Define("epoch", "xsd:integer", "The MLS epoch the ciphertext was encrypted in.");

    /// <summary><c>harmony:signature</c>: the author's Ed25519 signature over the envelope's canonical bytes.</summary>
    public static Iri Signature { get; } = Define("signature", "xsd:base64Binary", "The author's Ed25519 signature over the envelope's canonical bytes.");

    /// <summary><c>harmony:capability</c>: a capability granted by a role or held by a member or instance.</summary>
    public static Iri Capability { get; } = Define("capability", "Capability", "A capability granted by a role or held by a member or instance.");

    /// <summary><c>harmony:allowedAction</c>: an action a capability allows (e.g. SendMessage, Moderate, Federate).</summary>
    public static Iri AllowedAction { get; } = Define("allowedAction", "xsd:string", "An action a capability allows (e.g. SendMessage, Moderate, Federate).");

    /// <summary><c>harmony:invocationTarget</c>: the resource (community, channel) a capability applies to.</summary>
    public static Iri InvocationTarget { get; } = Define("invocationTarget", "IRI", "The resource (community, channel) a capability applies to.");

    /// <summary><c>harmony:controller</c>: the DID allowed to invoke a capability.</summary>
    public static Iri Controller { get; } = Define("controller", "DID IRI", "The DID allowed to invoke a capability.");

    /// <summary><c>harmony:parentCapability</c>: the capability a delegated capability was derived from.</summary>
    public static Iri ParentCapability { get; } = Define("parentCapability", "Capability", "The capability a delegated capability was derived from.");

    /// <summary><c>harmony:expires</c>: when a capability or credential stops being valid.</summary>
    public static Iri Expires { get; } = Define("expires", "xsd:dateTime", "When a capability or credential stops being valid.");

    /// <summary><c>harmony:issuer</c>: the DID that issued a credential.</summary>
    public static Iri Issuer { get; } = Define("issuer", "DID IRI", "The DID that issued a credential.");

    /// <summary><c>harmony:revoked</c>: true when a capability, credential or device was revoked.</summary>
    public static Iri Revoked { get; } = Define("revoked", "xsd:boolean", "True when a capability, credential or device was revoked.");

    /// <summary><c>harmony:exportedBy</c>: the DID that produced and signed an export.</summary>
    public static Iri ExportedBy { get; } = Define("exportedBy", "DID IRI", "The DID that produced and signed an export.");

    /// <summary><c>harmony:exportedAt</c>: when an export was produced.</summary>
    public static Iri ExportedAt { get; } = Define("exportedAt", "xsd:dateTime", "When an export was produced.");

    /// <summary>Every term of this group, in definition order.</summary>
    internal static IReadOnlyList<VocabularyTerm> Terms => Defined;

    private static Iri Define(string localName, string range, string description)
    {
        var iri = new Iri(HarmonyVocabulary.Namespace + localName);
        Defined.Add(new VocabularyTerm(iri, localName, VocabularyTermKind.Property, range, description));
        return iri;
    }
}
