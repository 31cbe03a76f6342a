// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <string>

namespace gatehouse::test {

// A self-signed certificate made when the test runs (nothing secret is kept
// in the repository): an EC P-256 key and a certificate valid for a day,
// naming `dns_name` only, written as PEM to `cert_path` and `key_path`.
// Empty on success, else what failed.
inline std::string write_self_signed_certificate(const std::string& dns_name,
                                                 const std::string& cert_path,
                                                 const std::string& key_path)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    if (!key || !cert)
        return "cannot make a key";
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 60 * 60);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(dns_name.c_str()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    const std::string san = "DNS:" + dns_name;
    X509_EXTENSION* ext =
        X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, const_cast<char*>(san.c_str()));
    if (!ext)
        return "cannot make the subjectAltName";
    X509_add_ext(cert.get(), ext, -1);
    X509_EXTENSION_free(ext);
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        return "cannot sign";
    std::unique_ptr<FILE, decltype(&std::fclose)> cert_file(std::fopen(cert_path.c_str(), "w"),
                                                            std::fclose);
    std::unique_ptr<FILE, decltype(&std::fclose)> key_file(std::fopen(key_path.c_str(), "w"),
                                                           std::fclose);
    if (!cert_file || !key_file)
        return "cannot write the files";
    if (PEM_write_X509(cert_file.get(), cert.get()) != 1 ||
        PEM_write_PrivateKey(key_file.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return "cannot write PEM";
    return {};
}

// A certificate for "localhost" in a temporary directory of its own, gone
// with the object: for a test that starts an HTTPS gateway of its own.
// `error` is empty when both files were written.
struct temporary_certificate {
    QTemporaryDir dir;
    std::string cert = dir.filePath(QStringLiteral("gateway.pem")).toStdString();
    std::string key = dir.filePath(QStringLiteral("gateway.key")).toStdString();
    std::string error = dir.isValid() ? write_self_signed_certificate("localhost", cert, key)
                                      : std::string("cannot make a temporary directory");
};

} // namespace gatehouse::test
