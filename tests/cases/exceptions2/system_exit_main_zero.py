def main():
    print("working")
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
