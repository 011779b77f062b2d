"""Small helpers the test modules share."""

from rest_framework.test import APIClient

from governance.middleware import ACKNOWLEDGED


def client_for(user=None) -> APIClient:
    """An API client, signed in as `user` when given (anonymous otherwise), with nothing left
    to acknowledge this session, so the tests see the API's own answers."""
    client = APIClient()
    if user is not None:
        client.force_login(user)
        acknowledged_in_session(client)
    return client


def token_client(key: str) -> APIClient:
    """An API client that sends `key` as its token, as other systems do."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def acknowledged_in_session(client) -> None:
    """Lets a signed-in member past the code-of-conduct middleware, to test other pages."""
    session = client.session
    session[ACKNOWLEDGED] = True
    session.save()


def signed_in(client, user):
    """`client` signed in as `user`, with nothing left to acknowledge this session."""
    client.force_login(user)
    acknowledged_in_session(client)
    return client


def sign_in_through_form(client, username: str, password: str):
    """Signs in as a person does, through the sign-in page (django-axes, which counts failures,
    needs the request that `client.login` does not give it). Returns the page's answer."""
    return client.post("/accounts/login/", {"username": username, "password": password})
