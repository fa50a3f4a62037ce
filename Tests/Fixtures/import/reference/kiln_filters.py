"""Kiln's own template filters that kolla-ansible does not have, for the reference renderer.

rabbitmq_password_hash(seed): Kiln's RabbitMQ `password_hash` (Sources/KilnCompiler/
RabbitMQPasswordHash.swift): base64 of a 4-byte salt followed by SHA-256(salt + password), the
salt being the first 4 bytes of SHA-256("kiln-rabbitmq-salt\\0" + seed + "\\0" + password).
"""

import base64
import hashlib


def rabbitmq_password_hash(password, seed=""):
    salt = hashlib.sha256(("kiln-rabbitmq-salt\0%s\0%s" % (seed, password)).encode()).digest()[:4]
    digest = hashlib.sha256(salt + str(password).encode()).digest()
    return base64.b64encode(salt + digest).decode()


class FilterModule(object):
    def filters(self):
        return {"rabbitmq_password_hash": rabbitmq_password_hash}
