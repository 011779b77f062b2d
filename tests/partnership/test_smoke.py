def test_public_home_answers(client, warwickshire):
    response = client.get("/")
    assert response.status_code == 200
